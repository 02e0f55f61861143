package dev.atelier.domain.model;

import java.time.Instant;
import java.util.Map;

/** Small builders of valid domain objects for tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    public static User user(String id, String organization) {
        return new User(new UserId(id), id + "@example.com", "User " + id, organization, false, T0);
    }

    public static Project project(String id, User owner, Scope scope) {
        return Project.create(
                new ProjectId(id),
                new WorkspaceId("ws-" + owner.id()),
                owner,
                "Project " + id,
                null,
                Map.of(),
                null,
                scope,
                null,
                T0);
    }
}
