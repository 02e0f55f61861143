package dev.atelier.persistence;

import java.util.Locale;

/**
 * The two databases Atelier runs on, recognised from the JDBC URL. It selects the Micronaut Data
 * repositories generated for that database ({@link DatabaseIs}) and the Flyway migrations; the
 * hand-written SQL uses the subset both understand and asks the dialect where they differ.
 */
enum Dialect {
    H2,
    POSTGRES;

    static Dialect fromUrl(String url) {
        String u = url == null ? "" : url.trim().toLowerCase(Locale.ROOT);
        if (u.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        if (u.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalStateException(
                "datasources.default.url must be a jdbc:h2: or jdbc:postgresql: URL; Atelier supports only H2 and PostgreSQL");
    }

    /**
     * The expression to order project names by: plain code-point order on both databases
     * (PostgreSQL would otherwise use the locale's collation).
     */
    String nameOrder() {
        return this == POSTGRES ? "p.name COLLATE \"C\"" : "p.name";
    }
}
