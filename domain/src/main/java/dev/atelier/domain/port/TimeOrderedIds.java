package dev.atelier.domain.port;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that keeps ids
 * from one instance ordered within the same millisecond, then 62 random bits.
 */
public final class TimeOrderedIds implements IdGenerator {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized String newId() {
        long millis = clock.millis();
        if (millis <= lastMillis) {
            millis = lastMillis;
            counter++;
            if (counter > 0xFFF) {
                millis = ++lastMillis;
                counter = 0;
            }
        } else {
            counter = random.nextInt(0x800);
        }
        lastMillis = millis;
        long msb = (millis << 16) | 0x7000L | counter;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
