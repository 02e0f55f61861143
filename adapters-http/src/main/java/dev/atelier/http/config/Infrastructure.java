package dev.atelier.http.config;

import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.TimeOrderedIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The clock and id generation shared by every use case. */
@Factory
class Infrastructure {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    IdGenerator idGenerator(Clock clock) {
        return new TimeOrderedIds(clock);
    }
}
