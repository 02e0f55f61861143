package dev.atelier.http.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Token buckets (bucket4j) for the authentication filter: one per credential (an API key's id, a
 * JWT's subject) for authenticated requests, one per client address for failed authentication
 * attempts. In memory, so each instance counts on its own (N replicas allow N times the figures).
 *
 * <p>Configuration ({@code atelier.rate-limit.*}): {@code enabled} (true), {@code
 * requests-per-second} (1000) and {@code burst} (2000) per credential, {@code
 * failed-auth-per-minute} (60) per client address. A zero rate switches that limit off.
 */
@Singleton
final class RateLimits {
    /** Past this many tracked credentials or addresses, the buckets start afresh (bounded memory). */
    static final int MAX_TRACKED = 100_000;

    private final boolean enabled;
    private final long requestsPerSecond;
    private final long burst;
    private final long failedAuthPerMinute;
    private final Map<String, Bucket> credentials = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();

    RateLimits(
            @Value("${atelier.rate-limit.enabled:true}") boolean enabled,
            @Value("${atelier.rate-limit.requests-per-second:1000}") long requestsPerSecond,
            @Value("${atelier.rate-limit.burst:2000}") long burst,
            @Value("${atelier.rate-limit.failed-auth-per-minute:60}") long failedAuthPerMinute) {
        if (requestsPerSecond < 0 || burst < 0 || failedAuthPerMinute < 0) {
            throw new IllegalArgumentException("atelier.rate-limit.* figures must not be negative");
        }
        this.enabled = enabled;
        this.requestsPerSecond = requestsPerSecond;
        this.burst = Math.max(burst, requestsPerSecond);
        this.failedAuthPerMinute = failedAuthPerMinute;
    }

    /**
     * Counts one request of an authenticated credential.
     *
     * @return empty when allowed, else how long to wait before the next request is allowed
     */
    Optional<Duration> request(String credential) {
        if (!enabled || requestsPerSecond == 0) {
            return Optional.empty();
        }
        Bucket bucket = bucket(
                credentials,
                credential,
                key -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Whether {@code address} has used up its failed authentication attempts; asked before any
     * credential from it is verified.
     *
     * @return empty when it may try, else how long until it may try again
     */
    Optional<Duration> failedAuthBlocked(String address) {
        if (!enabled || failedAuthPerMinute == 0) {
            return Optional.empty();
        }
        Bucket bucket = addresses.get(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    /** Counts one failed authentication attempt (a credential was presented and refused). */
    void failedAuth(String address) {
        if (!enabled || failedAuthPerMinute == 0) {
            return;
        }
        bucket(
                        addresses,
                        address,
                        key -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(failedAuthPerMinute)
                                        .refillGreedy(failedAuthPerMinute, Duration.ofMinutes(1)))
                                .build())
                .tryConsume(1);
    }

    /** Whole seconds for a {@code Retry-After} header: rounded up, at least 1. */
    static long retryAfterSeconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static Bucket bucket(Map<String, Bucket> buckets, String key, Function<String, Bucket> create) {
        if (buckets.size() >= MAX_TRACKED && !buckets.containsKey(key)) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, create);
    }
}
