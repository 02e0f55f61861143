package dev.atelier.application.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import org.junit.jupiter.api.Test;

class MembersTest {
    private final Fixture f = new Fixture();
    private final User alice = f.user("Alice");
    private final User bob = f.user("Bob");
    private final User carol = f.user("Carol");
    private final Project project = f.project(alice, "Churn Prediction");

    @Test
    void adds_a_registered_user_as_editor_by_default_and_records_it() {
        MemberProfile added =
                f.addMember.execute(AddMember.Command.of(alice, project.id().value(), "BOB@example.com", null));

        assertThat(added.member().role()).isEqualTo(Role.EDITOR);
        assertThat(added.email()).isEqualTo("bob@example.com");
        assertThat(added.name()).isEqualTo("Bob");
        assertThat(f.store.members.roleOf(project.id(), bob.id())).contains(Role.EDITOR);
        Event last = last();
        assertThat(last.type()).isEqualTo(EventType.MEMBER_ADDED);
        assertThat(last.details()).containsEntry("user_id", bob.id().value()).containsEntry("role", "editor");
    }

    @Test
    void adding_an_existing_member_again_changes_the_role_and_keeps_one_membership() {
        f.addMember.execute(AddMember.Command.of(alice, project.id().value(), "bob@example.com", "viewer"));
        f.addMember.execute(AddMember.Command.of(alice, project.id().value(), "bob@example.com", "admin"));

        Page<MemberProfile> page = f.listMembers.execute(
                new ListMembers.Command(alice, project.id().value(), 50, 0));
        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(m -> m.member().role()).containsExactly(Role.OWNER, Role.ADMIN);
        assertThat(last().details()).containsEntry("previous_role", "viewer");
    }

    @Test
    void an_unregistered_email_is_not_found_and_a_malformed_one_is_invalid() {
        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(alice, project.id().value(), "nobody@example.com", null)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody@example.com");
        assertThatThrownBy(() -> AddMember.Command.of(alice, project.id().value(), "not-an-email", null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AddMember.Command.of(alice, project.id().value(), "bob@example.com", "superuser"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("role");
    }

    @Test
    void an_admin_can_grant_up_to_admin_but_never_owner() {
        f.grant(project, bob, Role.ADMIN);

        f.addMember.execute(AddMember.Command.of(bob, project.id().value(), "carol@example.com", "admin"));
        assertThat(f.store.members.roleOf(project.id(), carol.id())).contains(Role.ADMIN);

        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(bob, project.id().value(), "carol@example.com", "owner")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.store.members.roleOf(project.id(), carol.id())).contains(Role.ADMIN);
    }

    @Test
    void an_admin_cannot_change_or_remove_a_member_whose_role_is_above_theirs() {
        f.grant(project, bob, Role.ADMIN);
        f.grant(project, carol, Role.OWNER);

        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(bob, project.id().value(), "carol@example.com", "viewer")))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.removeMember.execute(new RemoveMember.Command(
                        bob, project.id().value(), carol.id().value())))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.store.members.roleOf(project.id(), carol.id())).contains(Role.OWNER);
    }

    @Test
    void editors_and_viewers_cannot_manage_members() {
        f.grant(project, bob, Role.EDITOR);
        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(bob, project.id().value(), "carol@example.com", "viewer")))
                .isInstanceOf(ForbiddenException.class);
        assertThat(f.store.members.roleOf(project.id(), carol.id())).isEmpty();
    }

    @Test
    void another_tenants_project_looks_missing() {
        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(bob, project.id().value(), "carol@example.com", "viewer")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.listMembers.execute(
                        new ListMembers.Command(bob, project.id().value(), 10, 0)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_owner_can_neither_be_removed_nor_have_the_role_changed() {
        f.grant(project, bob, Role.OWNER);
        assertThatThrownBy(() -> f.removeMember.execute(new RemoveMember.Command(
                        bob, project.id().value(), alice.id().value())))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.addMember.execute(
                        AddMember.Command.of(bob, project.id().value(), "alice@example.com", "viewer")))
                .isInstanceOf(ConflictException.class);
        assertThat(f.store.members.roleOf(project.id(), alice.id())).contains(Role.OWNER);
    }

    @Test
    void a_removed_member_loses_access_and_the_removal_is_recorded() {
        f.addMember.execute(AddMember.Command.of(alice, project.id().value(), "bob@example.com", "editor"));

        f.removeMember.execute(
                new RemoveMember.Command(alice, project.id().value(), bob.id().value()));

        assertThat(f.store.members.roleOf(project.id(), bob.id())).isEmpty();
        assertThat(last().type()).isEqualTo(EventType.MEMBER_REMOVED);
        assertThat(last().name()).isEqualTo("bob@example.com");
        assertThatThrownBy(() -> f.getTimeline.execute(
                        new GetTimeline.Command(bob, project.id().value())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void removing_someone_who_is_not_a_member_is_not_found() {
        assertThatThrownBy(() -> f.removeMember.execute(new RemoveMember.Command(
                        alice, project.id().value(), carol.id().value())))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not a member");
        assertThatThrownBy(() -> f.removeMember.execute(
                        new RemoveMember.Command(alice, project.id().value(), "../etc")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_viewer_may_leave_a_project_on_their_own() {
        f.grant(project, bob, Role.VIEWER);
        f.removeMember.execute(
                new RemoveMember.Command(bob, project.id().value(), bob.id().value()));
        assertThat(f.store.members.roleOf(project.id(), bob.id())).isEmpty();
    }

    @Test
    void member_lists_are_paged_without_overlap_and_limits_are_checked() {
        for (int i = 0; i < 7; i++) {
            User u = f.user("User" + i);
            f.grant(project, u, Role.VIEWER);
        }
        var first = f.listMembers.execute(
                new ListMembers.Command(alice, project.id().value(), 3, 0));
        var second = f.listMembers.execute(
                new ListMembers.Command(alice, project.id().value(), 3, 3));
        var third = f.listMembers.execute(
                new ListMembers.Command(alice, project.id().value(), 3, 6));

        assertThat(first.total()).isEqualTo(8);
        var all = new java.util.ArrayList<String>();
        for (var page : java.util.List.of(first, second, third)) {
            page.items().forEach(m -> all.add(m.member().userId().value()));
        }
        assertThat(all).hasSize(8).doesNotHaveDuplicates();
        assertThatThrownBy(() -> new ListMembers.Command(alice, project.id().value(), 0, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ListMembers.Command(alice, project.id().value(), 101, 0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ListMembers.Command(alice, project.id().value(), 10, -1))
                .isInstanceOf(InvalidInputException.class);
    }

    private Event last() {
        var events = f.store.events.timeline(project.id());
        return events.get(events.size() - 1);
    }
}
