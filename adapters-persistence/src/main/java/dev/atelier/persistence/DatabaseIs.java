package dev.atelier.persistence;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * The conditions that choose the per-dialect Micronaut Data repositories: each
 * {@code @JdbcRepository} row interface has one sub-interface per database, compiled with that
 * database's SQL, and exactly one of them becomes a bean, decided from
 * {@code datasources.default.url} by {@link Dialect#fromUrl} (the same decision as Flyway's
 * migration folder and the hand-written SQL). The generated bean definitions instantiate the
 * conditions directly (same package), so nothing here needs to be public.
 */
final class DatabaseIs {
    private DatabaseIs() {}

    static boolean configured(ConditionContext<?> context, Dialect wanted) {
        return context.getProperty("datasources.default.url", String.class)
                .map(url -> {
                    try {
                        return Dialect.fromUrl(url) == wanted;
                    } catch (IllegalStateException unsupported) {
                        return false; // reported by DialectFactory at startup
                    }
                })
                .orElse(false);
    }

    /** The default datasource is an H2 database. */
    static final class H2 implements Condition {
        H2() {}

        @Override
        public boolean matches(ConditionContext context) {
            return configured(context, Dialect.H2);
        }
    }

    /** The default datasource is a PostgreSQL database. */
    static final class Postgres implements Condition {
        Postgres() {}

        @Override
        public boolean matches(ConditionContext context) {
            return configured(context, Dialect.POSTGRES);
        }
    }
}
