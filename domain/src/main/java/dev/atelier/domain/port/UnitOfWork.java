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

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
