package dev.atelier.persistence;

import dev.atelier.domain.port.contract.RepositoryContract;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The repository contract against the JDBC adapters on an embedded H2 database. */
class H2RepositoryContractTest extends RepositoryContract {
    private static ApplicationContext context;

    @BeforeAll
    static void startDatabase() {
        context = PersistenceContexts.h2();
    }

    @AfterAll
    static void stopDatabase() {
        if (context != null) {
            context.close();
        }
    }

    @Override
    protected Ports ports() {
        return PersistenceContexts.ports(context);
    }
}
