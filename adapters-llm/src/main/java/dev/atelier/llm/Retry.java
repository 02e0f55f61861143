package dev.atelier.llm;

import dev.langchain4j.exception.NonRetriableException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a call with exponential backoff: {@code maxRetries} more attempts after the first, the
 * delay doubling each time. Failures the provider's client marks non-retriable (a bad key, a bad
 * request) are thrown at once.
 */
record Retry(int maxRetries, Duration initialDelay) {
    Retry {
        maxRetries = Math.max(0, maxRetries);
        initialDelay = initialDelay == null || initialDelay.isNegative() ? Duration.ZERO : initialDelay;
    }

    <T> T call(Supplier<T> attempt) {
        long delay = initialDelay.toMillis();
        for (int tried = 0; ; tried++) {
            try {
                return attempt.get();
            } catch (NonRetriableException final_) {
                throw final_;
            } catch (RuntimeException failure) {
                if (tried >= maxRetries) {
                    throw failure;
                }
            }
            try {
                Thread.sleep(delay);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting to retry", interrupted);
            }
            delay = Math.min(delay * 2, Duration.ofMinutes(1).toMillis());
        }
    }
}
