package dev.atelier.persistence;

import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.domain.port.WorkspaceRepository;
import dev.atelier.domain.port.contract.RepositoryContract;
import io.micronaut.context.ApplicationContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Starts Micronaut contexts holding only the persistence adapters, for tests. */
final class PersistenceContexts {
    private PersistenceContexts() {}

    /** A private in-memory H2 database, migrated by Flyway at startup. */
    static ApplicationContext h2() {
        return start(Map.of(
                "datasources.default.url",
                "jdbc:h2:mem:atelier_" + UUID.randomUUID().toString().replace("-", "")
                        + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000",
                "datasources.default.username",
                "sa",
                "datasources.default.password",
                ""));
    }

    static ApplicationContext start(Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(properties);
        return ApplicationContext.builder().properties(all).start();
    }

    static RepositoryContract.Ports ports(ApplicationContext context) {
        return new RepositoryContract.Ports(
                context.getBean(UserRepository.class),
                context.getBean(ApiKeyRepository.class),
                context.getBean(WorkspaceRepository.class),
                context.getBean(ProjectRepository.class),
                context.getBean(ParamHistoryRepository.class),
                context.getBean(MemberRepository.class),
                context.getBean(EventRepository.class),
                context.getBean(DocumentRepository.class),
                context.getBean(UnitOfWork.class));
    }
}
