package dev.atelier.persistence;

import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.port.UnitOfWork;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Micronaut's transaction manager behind the domain's {@link UnitOfWork}: a new transaction when
 * none is open (committed on return, rolled back on any exception, which is rethrown unchanged),
 * otherwise the work simply runs inside the open one.
 */
@Singleton
final class JdbcUnitOfWork implements UnitOfWork {
    private final TransactionOperations<Connection> transactions;

    JdbcUnitOfWork(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (DomainException | Failures.StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String type = e.getClass().getName();
            // failures of the transaction itself (begin, commit) rather than of the work
            if (Failures.isConnectionFailure(e)
                    || type.startsWith("io.micronaut.transaction.")
                    || type.startsWith("io.micronaut.data.")) {
                throw Failures.translate(e);
            }
            throw e;
        }
    }
}
