package dev.atelier.domain.port.contract;

import dev.atelier.domain.fake.InMemoryStore;

/** The repository contract against the in-memory reference store (a fresh store per test). */
class InMemoryRepositoryContractTest extends RepositoryContract {
    @Override
    protected Ports ports() {
        InMemoryStore store = new InMemoryStore();
        return new Ports(
                store.users,
                store.apiKeys,
                store.workspaces,
                store.projects,
                store.params,
                store.members,
                store.events,
                store.documents,
                store);
    }
}
