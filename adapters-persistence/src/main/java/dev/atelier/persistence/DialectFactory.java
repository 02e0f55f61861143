package dev.atelier.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Derives the {@link Dialect} from the configured URL, so an operator only ever sets the URL. */
@Factory
class DialectFactory {
    @Singleton
    Dialect dialect(@Value("${datasources.default.url}") String url) {
        return Dialect.fromUrl(url);
    }
}
