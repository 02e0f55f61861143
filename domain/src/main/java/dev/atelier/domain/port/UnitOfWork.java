package dev.atelier.domain.port;

import java.util.function.Supplier;

/**
 * Transaction boundary. Every repository call made inside {@code work} runs in one database
 * transaction: committed when {@code work} returns, rolled back when it throws (the exception is
 * rethrown unchanged). A call made while a transaction is already open joins it. Implementations
 * must not be used around calls to slow outside services (LLM providers): open no transaction
 * across them.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Work that only reads: its repository calls may share one connection but need no transaction.
     * Each read sees the data committed when it starts (no more is promised between two reads: the
     * same as a transaction at READ COMMITTED, the isolation of both stores). A call made while a
     * transaction is open joins it. The default runs {@code work} in a transaction.
     */
    default <T> T reading(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Work that reads and then makes exactly one write that is atomic by itself (such as {@link
     * ProjectRepository#create}); nothing it read can be undone before that write. The store decides
     * whether a transaction must surround it: one whose atomic write is a single statement runs the
     * reads and the write without one (no {@code BEGIN}/{@code COMMIT} round trips); one whose write
     * needs a transaction holds the reads in it too. Inside an open transaction it joins it. The
     * default runs {@code work} in a transaction.
     */
    default <T> T oneWrite(Supplier<T> work) {
        return inTransaction(work);
    }

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
