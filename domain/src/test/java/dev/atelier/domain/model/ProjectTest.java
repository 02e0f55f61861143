package dev.atelier.domain.model;

import static dev.atelier.domain.model.Fixtures.T0;
import static dev.atelier.domain.model.Fixtures.project;
import static dev.atelier.domain.model.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectTest {
    private final User alice = user("alice", "acme");
    private final User bob = user("bob", "acme");
    private final User eve = user("eve", "evil");

    @Test
    void the_owner_holds_the_owner_role() {
        assertThat(project("p1", alice, Scope.USER).roleOf(alice, Optional.empty()))
                .contains(Role.OWNER);
    }

    @Test
    void a_member_holds_their_membership_role() {
        assertThat(project("p1", alice, Scope.USER).roleOf(eve, Optional.of(Role.EDITOR)))
                .contains(Role.EDITOR);
    }

    @Test
    void the_organization_may_view_an_organization_scoped_project() {
        assertThat(project("p1", alice, Scope.ORGANIZATION).roleOf(bob, Optional.empty()))
                .contains(Role.VIEWER);
    }

    @Test
    void another_organization_sees_nothing() {
        assertThat(project("p1", alice, Scope.ORGANIZATION).roleOf(eve, Optional.empty()))
                .isEmpty();
        assertThat(project("p1", alice, Scope.USER).roleOf(bob, Optional.empty()))
                .isEmpty();
    }

    @Test
    void users_without_organization_never_share_one() {
        User loner = user("loner", null);
        User other = user("other", null);
        Project p = project("p1", loner, Scope.ORGANIZATION);
        assertThat(p.roleOf(other, Optional.empty())).isEmpty();
    }

    @Test
    void a_new_project_is_active_general_and_at_version_zero() {
        Project p = project("p1", alice, null);
        assertThat(p.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(p.type()).isEqualTo("general");
        assertThat(p.scope()).isEqualTo(Scope.USER);
        assertThat(p.version()).isZero();
    }

    @Test
    void rejects_a_name_longer_than_200_characters() {
        assertThatThrownBy(() -> project("p1", alice, Scope.USER).withName("x".repeat(201)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 200");
        assertThat(project("p1", alice, Scope.USER).withName("x".repeat(200)).name())
                .hasSize(200);
    }

    @Test
    void rejects_blank_names_and_control_characters() {
        Project p = project("p1", alice, Scope.USER);
        assertThatThrownBy(() -> p.withName("  ")).hasMessageContaining("required");
        assertThatThrownBy(() -> p.withName("a\u0000b")).hasMessageContaining("control characters");
    }

    @Test
    void rejects_metadata_over_64_kib() {
        Map<String, Object> big = Map.of("blob", "x".repeat(64 * 1024));
        assertThatThrownBy(() -> Project.create(
                        new ProjectId("p"), new WorkspaceId("w"), alice, "n", null, big, null, Scope.USER, null, T0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("metadata");
    }

    @Test
    void metadata_is_copied_and_frozen() {
        var source = new java.util.HashMap<String, Object>();
        source.put("k", "v");
        Project p = Project.create(
                new ProjectId("p"), new WorkspaceId("w"), alice, "n", null, source, null, Scope.USER, null, T0);
        source.put("k", "changed");
        assertThat(p.metadata()).containsEntry("k", "v");
        assertThatThrownBy(() -> p.metadata().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void relocating_gives_new_identity_owner_and_version_zero() {
        Project original = project("p1", alice, Scope.USER).withVersion(7);
        Project moved = original.relocated(new ProjectId("p2"), new WorkspaceId("w2"), bob, "Copy", Scope.USER, T0);
        assertThat(moved.id().value()).isEqualTo("p2");
        assertThat(moved.ownerId()).isEqualTo(bob.id());
        assertThat(moved.version()).isZero();
        assertThat(moved.description()).isEqualTo(original.description());
    }
}
