package dev.atelier.http.testing;

import dev.atelier.domain.fake.InMemoryStore;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.domain.port.WorkspaceRepository;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * STOPGAP until adapters-persistence is merged: the domain's in-memory store as the repository
 * ports, only while no persistence adapter is on the classpath. Delete once the persistence adapter runs.
 */
@Factory
@Requires(condition = NoPersistenceAdapter.class)
class InMemoryPorts {
    private final InMemoryStore store = new InMemoryStore();

    @Singleton
    UnitOfWork unitOfWork() {
        return store;
    }

    @Singleton
    UserRepository users() {
        return store.users;
    }

    @Singleton
    ApiKeyRepository apiKeys() {
        return store.apiKeys;
    }

    @Singleton
    WorkspaceRepository workspaces() {
        return store.workspaces;
    }

    @Singleton
    ProjectRepository projects() {
        return store.projects;
    }

    @Singleton
    ParamHistoryRepository params() {
        return store.params;
    }

    @Singleton
    MemberRepository members() {
        return store.members;
    }

    @Singleton
    EventRepository events() {
        return store.events;
    }

    @Singleton
    DocumentRepository documents() {
        return store.documents;
    }
}
