package dev.atelier.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: only the SHA-256 hash of its secret is kept. The token a user holds is
 * {@code atl_<id>_<secret>}; the id finds the row, the secret is compared by hash in constant time.
 *
 * <p>"Last used" is a display, not an audit log: it is recorded at most once per {@link
 * #LAST_USED_RESOLUTION} per key ({@link #useWorthRecording}), so that a busy key does not write
 * its row on every request.
 */
public record ApiKey(
        String id, UserId userId, String secretHash, Instant createdAt, Instant lastUsedAt, boolean revoked) {
    /** How stale the recorded last-used time of a key may be. */
    public static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Whether a use at {@code now} should be written: never recorded yet, or the recorded time is at
     * least {@link #LAST_USED_RESOLUTION} older than {@code now}.
     */
    public boolean useWorthRecording(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USED_RESOLUTION));
    }
}
