package dev.atelier.http.config;

import dev.atelier.application.account.DescribeServer;
import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.model.AnalyzerSetup;
import dev.atelier.domain.port.UnitOfWork;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What this server runs with, for {@link DescribeServer}: the build's version (a resource the build
 * fills in), the database as its JDBC driver names it, and the configured analyzer. The database is
 * asked once, on the first request that needs it; if it is down then, that request fails with 503
 * and the next one asks again.
 */
@Singleton
final class InstallationFacts implements Supplier<DescribeServer.Installation> {
    static final String VERSION = "classpath:atelier/version.properties";

    private final String version;
    private final DataSource dataSource;
    private final UnitOfWork uow;
    private final BeanProvider<AnalyzerSetup> analyzer;
    private volatile String[] database;

    InstallationFacts(
            ResourceResolver resources, DataSource dataSource, UnitOfWork uow, BeanProvider<AnalyzerSetup> analyzer) {
        this.version = version(resources);
        this.dataSource = dataSource;
        this.uow = uow;
        this.analyzer = analyzer;
    }

    @Override
    public DescribeServer.Installation get() {
        String[] db = database();
        AnalyzerSetup setup = analyzer.find(null).orElse(null);
        return new DescribeServer.Installation(
                version, db[0], db[1], setup == null ? "none" : setup.provider(), setup == null ? null : setup.model());
    }

    private String[] database() {
        String[] known = database;
        if (known == null) {
            // the data source hands out the connection of the current transaction (and only
            // inside one); the transaction owns it and closes it
            known = uow.inTransaction(() -> {
                try {
                    DatabaseMetaData meta = dataSource.getConnection().getMetaData();
                    return new String[] {meta.getDatabaseProductName(), meta.getDatabaseProductVersion()};
                } catch (SQLException e) {
                    throw new DependencyUnavailableException("the database cannot be reached", e);
                }
            });
            database = known;
        }
        return known;
    }

    private static String version(ResourceResolver resources) {
        try (InputStream in = resources
                .getResourceAsStream(VERSION)
                .orElseThrow(() -> new IllegalStateException(VERSION + " is missing: the build generates it"))) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
