package dev.atelier.persistence;

import dev.atelier.domain.port.contract.RepositoryContract;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against the JDBC adapters on PostgreSQL (a database of its own). */
class PostgresRepositoryContractTest extends RepositoryContract {
    private static PostgresTestDatabase database;
    private static ApplicationContext context;

    @BeforeAll
    static void startDatabase() {
        database = PostgresTestDatabase.create();
        context = PersistenceContexts.start(database.datasourceProperties());
    }

    @AfterAll
    static void stopDatabase() {
        if (context != null) {
            context.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected Ports ports() {
        return PersistenceContexts.ports(context);
    }
}
