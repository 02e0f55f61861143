package dev.atelier.persistence;

import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.DomainException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * The single place where database failures are translated. A database that cannot be reached
 * (no connection, pool timeout, connection dropped) becomes {@link DependencyUnavailableException}
 * ("database unavailable"); anything else unexpected becomes a {@link StoreFailure} whose message
 * says nothing about SQL (the cause is kept for the logs).
 */
final class Failures {
    static final String UNIQUE_VIOLATION = "23505";

    private Failures() {}

    static RuntimeException translate(Throwable failure) {
        if (failure instanceof DomainException domain) {
            return domain;
        }
        if (isConnectionFailure(failure)) {
            return new DependencyUnavailableException("database unavailable", failure);
        }
        if (failure instanceof StoreFailure store) {
            return store;
        }
        return new StoreFailure(failure);
    }

    /** Whether {@code failure} is a unique-constraint violation (same SQLState on H2 and PostgreSQL). */
    static boolean isUniqueViolation(SQLException failure) {
        return UNIQUE_VIOLATION.equals(failure.getSQLState());
    }

    /** The SQLException somewhere in the cause chain, if any. */
    static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    static boolean isConnectionFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            String type = t.getClass().getName().toLowerCase(Locale.ROOT);
            // Micronaut's "cannot get connection", Hikari's pool initialization failure, and the
            // DataAccessResourceFailure family of other stacks all mean the same thing here
            if (type.contains("cannotgetjdbcconnection")
                    || type.contains("poolinitializationexception")
                    || type.contains("dataaccessresourcefailure")
                    || type.contains("connectionexception")) {
                return true;
            }
        }
        return false;
    }

    /** An unexpected failure of the store; deliberately says nothing about the SQL involved. */
    static final class StoreFailure extends RuntimeException {
        StoreFailure(Throwable cause) {
            super("the database could not complete the operation", cause);
        }
    }
}
