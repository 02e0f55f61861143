package dev.atelier.persistence;

import dev.atelier.domain.error.DomainException;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one way the port adapters reach the database: {@link #read}/{@link #write} hand over the
 * connection of Micronaut's current transaction, for plain JDBC, and the Micronaut Data row
 * repositories called inside join that same transaction. A call made inside an open transaction
 * runs on its connection (and so joins it); a write outside any transaction gets a short
 * transaction of its own.
 *
 * <p>A read outside any transaction runs on a connection in auto-commit (the one {@link
 * JdbcUnitOfWork#reading} holds open, else one of its own): both stores run at READ COMMITTED,
 * where every statement takes its own snapshot whether or not a transaction surrounds it, so a
 * transaction would add nothing to a read but its {@code BEGIN} and {@code COMMIT} — on
 * PostgreSQL a second round trip per read. Every failure leaves through {@link Failures#translate},
 * so connection trouble becomes "database unavailable" and no SQL text travels upwards.
 */
@Singleton
final class Db {
    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;
    private final Dialect dialect;

    Db(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections, Dialect dialect) {
        this.transactions = transactions;
        this.connections = connections;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Work that uses one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Rows<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Binds the parameters of a statement. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    <T> T write(Work<T> work) {
        return run(work, Access.WRITE);
    }

    <T> T read(Work<T> work) {
        return run(work, Access.READ);
    }

    /**
     * Work that sends exactly one statement which is atomic by itself (PostgreSQL's data-modifying
     * CTEs: every part of the statement or none): inside an open transaction it joins it; outside
     * one it runs on a connection in auto-commit. A transaction around a single statement would add
     * only its {@code BEGIN} and a {@code COMMIT} round trip.
     */
    <T> T writeOneStatement(Work<T> work) {
        return run(work, Access.ONE_STATEMENT);
    }

    /**
     * A read whose statements rely on transaction-local settings ({@link #setLocally}): in the open
     * transaction, else in a read-only transaction of its own. In auto-commit such a setting would
     * end with the statement that makes it and steer nothing.
     */
    <T> T readInTransaction(Work<T> work) {
        return run(work, Access.READ_IN_TRANSACTION);
    }

    /**
     * Runs {@code settings}, a statement of {@code set_config(name, value, true)} calls, which hold
     * until the transaction ends; refused on a connection in auto-commit, where they would end at
     * once (run the read with {@link #readInTransaction}).
     */
    static void setLocally(Connection c, String settings) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("transaction-local settings need a transaction: use readInTransaction");
        }
        exists(c, settings, ps -> {});
    }

    /** How work outside an open transaction gets its connection (inside one it joins it). */
    private enum Access {
        /** A short transaction of its own. */
        WRITE,
        /** The connection {@link JdbcUnitOfWork#reading} holds, else one of its own, in auto-commit. */
        READ,
        /** A read-only transaction of its own. */
        READ_IN_TRANSACTION,
        /** One statement, atomic by itself, on a connection in auto-commit. */
        ONE_STATEMENT
    }

    private <T> T run(Work<T> work, Access access) {
        try {
            var open = transactions.findTransactionStatus();
            if (open.isPresent()) {
                return work.run((Connection) open.get().getConnection());
            }
            return switch (access) {
                case WRITE -> transactions.executeWrite(status -> call(work, status.getConnection()));
                case READ_IN_TRANSACTION -> transactions.executeRead(status -> call(work, status.getConnection()));
                case READ -> {
                    var held = connections.findConnectionStatus();
                    yield held.isPresent()
                            ? work.run(held.get().getConnection())
                            : connections.executeRead(status -> call(work, status.getConnection()));
                }
                case ONE_STATEMENT -> connections.executeWrite(status -> call(work, status.getConnection()));
            };
        } catch (DomainException e) {
            throw e;
        } catch (Exception e) {
            throw Failures.translate(e);
        }
    }

    private static <T> T call(Work<T> work, Connection connection) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Carries a checked SQLException through Micronaut's callbacks; unwrapped by Failures. */
    static final class SqlFailure extends RuntimeException {
        SqlFailure(SQLException cause) {
            super(cause);
        }
    }

    // ---- small JDBC helpers ---------------------------------------------------------------

    static <T> List<T> query(Connection c, String sql, Binder binder, Rows<T> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rows.map(rs));
                }
                return out;
            }
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, Binder binder, Rows<T> rows) throws SQLException {
        List<T> all = query(c, sql, binder, rows);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static long count(Connection c, String sql, Binder binder) throws SQLException {
        return queryOne(c, sql, binder, rs -> rs.getLong(1)).orElse(0L);
    }

    static boolean exists(Connection c, String sql, Binder binder) throws SQLException {
        return queryOne(c, sql, binder, rs -> Boolean.TRUE).isPresent();
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /**
     * Runs a statement that may break a constraint so that, inside a longer transaction, the
     * failure does not poison it (PostgreSQL aborts the whole transaction on any error): the
     * statement runs under a savepoint that is rolled back on failure.
     */
    static int guardedUpdate(Connection c, String sql, Binder binder) throws SQLException {
        if (c.getAutoCommit()) {
            return update(c, sql, binder);
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            int n = update(c, sql, binder);
            c.releaseSavepoint(savepoint);
            return n;
        } catch (SQLException e) {
            c.rollback(savepoint);
            throw e;
        }
    }

    /**
     * Runs a Micronaut Data repository call that may break a constraint under a savepoint, like
     * {@link #guardedUpdate}; the repository joins the transaction of {@code c}.
     */
    static <T> T guarded(Connection c, Supplier<T> statement) throws SQLException {
        if (c.getAutoCommit()) {
            return statement.get();
        }
        Savepoint savepoint = c.setSavepoint();
        try {
            T result = statement.get();
            c.releaseSavepoint(savepoint);
            return result;
        } catch (RuntimeException e) {
            c.rollback(savepoint);
            throw e;
        }
    }

    /** Runs a JDBC batch; a unique violation in it becomes a conflict saying {@code clash}. */
    static void executeBatch(PreparedStatement ps, String clash) throws SQLException {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            SQLException next = e.getNextException();
            if (Failures.isUniqueViolation(e) || (next != null && Failures.isUniqueViolation(next))) {
                throw new dev.atelier.domain.error.ConflictException(clash);
            }
            throw e;
        }
    }

    // ---- batch reads ----------------------------------------------------------------------

    /** How many ids one {@code IN (...)} list of a batch read binds at most. */
    static final int CHUNK = 500;

    /** The distinct values of {@code ids} in code-point order (the order of every batch read). */
    static <T> List<String> sortedDistinct(Collection<T> ids, Function<T, String> value) {
        return ids.stream().map(value).distinct().sorted().toList();
    }

    /** {@code sorted} cut into consecutive chunks of at most {@link #CHUNK}. */
    static List<List<String>> chunks(List<String> sorted) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            chunks.add(sorted.subList(from, Math.min(sorted.size(), from + CHUNK)));
        }
        return chunks;
    }

    /** {@code ?, ?, ...} with {@code n} placeholders. */
    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    static void bindStrings(PreparedStatement ps, int start, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(start + i, values.get(i));
        }
    }

    /** Whether a repository call failed on a unique constraint. */
    static boolean isUniqueViolation(RuntimeException failure) {
        return Failures.sqlCause(failure).map(Failures::isUniqueViolation).orElse(false);
    }

    /** Timestamps are kept to the microsecond, the precision both databases store. */
    static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet rs, String column) throws SQLException {
        Object value = rs.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static Integer getInteger(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Boolean getBooleanOrNull(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    static void setBoolean(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }
}
