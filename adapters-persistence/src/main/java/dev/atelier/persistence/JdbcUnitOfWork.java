package dev.atelier.persistence;

import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.port.UnitOfWork;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Micronaut's transaction manager behind the domain's {@link UnitOfWork}: a new transaction when
 * none is open (committed on return, rolled back on any exception, which is rethrown unchanged),
 * otherwise the work simply runs inside the open one. {@link #reading} holds one connection in
 * auto-commit for the work's reads instead (see {@link Db}): no {@code BEGIN}, no {@code COMMIT}.
 */
@Singleton
final class JdbcUnitOfWork implements UnitOfWork {
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final Dialect dialect;

    JdbcUnitOfWork(
            TransactionOperations<Connection> transactions,
            ConnectionOperations<Connection> connections,
            Dialect dialect) {
        this.transactions = transactions;
        this.connections = connections;
        this.dialect = dialect;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return work.get();
        }
        return translated(() -> transactions.executeWrite(status -> work.get()));
    }

    /**
     * PostgreSQL: no transaction, every statement in auto-commit; the one write is a single
     * statement ({@link Db#writeOneStatement}). H2: one transaction, which its multi-statement
     * writes need anyway; the reads join it, so an H2 create runs exactly as inside {@link
     * #inTransaction}.
     */
    @Override
    public <T> T oneWrite(Supplier<T> work) {
        if (dialect == Dialect.POSTGRES && transactions.findTransactionStatus().isEmpty()) {
            return work.get();
        }
        return inTransaction(work);
    }

    @Override
    public <T> T reading(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()
                || connections.findConnectionStatus().isPresent()) {
            return work.get();
        }
        return translated(() -> connections.executeRead(status -> work.get()));
    }

    private static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException | Failures.StoreFailure e) {
            throw e;
        } catch (RuntimeException e) {
            String type = e.getClass().getName();
            // failures of the transaction or connection itself (begin, commit, checkout) rather
            // than of the work
            if (Failures.isConnectionFailure(e)
                    || type.startsWith("io.micronaut.transaction.")
                    || type.startsWith("io.micronaut.data.")) {
                throw Failures.translate(e);
            }
            throw e;
        }
    }
}
