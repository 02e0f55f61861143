package dev.atelier.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** The clocks of the application tests, in UTC. */
public final class TestClocks {
    private TestClocks() {}

    /**
     * A clock that moves 1 ms per read (safely across threads), so that every instant a use case
     * takes is distinct and in the order it was taken.
     */
    public static Clock ticking(Instant start) {
        return new Ticking(start);
    }

    /** A clock that stands still until a test moves it. */
    public static final class Movable extends Utc {
        private Instant now;

        public Movable(Instant start) {
            this.now = start;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class Ticking extends Utc {
        private final AtomicLong millis;

        Ticking(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }

    private abstract static class Utc extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
