package dev.atelier.http.limits;

import dev.atelier.domain.error.DependencyUnavailableException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many uploads and imports the server works on at once ({@code
 * atelier.uploads.max-concurrent}): each holds its body's files and its extracted text or import
 * rows while it runs, so their number, not the number of callers, sets the memory they take. A
 * request beyond the pool waits up to {@code atelier.uploads.max-wait} for a place, then is
 * answered 503 with {@code Retry-After}, before its body is read.
 */
@Singleton
public final class UploadGate {
    private final Semaphore places;
    private final int size;
    private final long maxWaitNanos;

    UploadGate(
            @Value("${atelier.uploads.max-concurrent}") int size,
            @Value("${atelier.uploads.max-wait}") Duration maxWait) {
        if (size < 1) {
            throw new IllegalArgumentException("atelier.uploads.max-concurrent must be at least 1");
        }
        this.size = size;
        this.places = new Semaphore(size, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** A pool of one place that does not wait (outside a server: tests and fuzzing). */
    public static UploadGate ofOne() {
        return new UploadGate(1, Duration.ZERO);
    }

    /** A place in the pool, held until closed; 503 when none frees up in time. */
    public Place enter() {
        boolean entered;
        try {
            entered = maxWaitNanos <= 0 ? places.tryAcquire() : places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw new DependencyUnavailableException("the server is busy with " + size
                    + " other uploads or imports (atelier.uploads.max-concurrent); try again later");
        }
        return new Place();
    }

    /** Uploads and imports running now. */
    public int inUse() {
        return size - places.availablePermits();
    }

    /** One running upload or import; closing it (once) frees its place. */
    public final class Place implements AutoCloseable {
        private boolean closed;

        private Place() {}

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                places.release();
            }
        }
    }
}
