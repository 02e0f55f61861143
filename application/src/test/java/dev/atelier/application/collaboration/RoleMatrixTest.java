package dev.atelier.application.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each role × each operation. "none" is a user with no role at all (another tenant): every
 * operation answers "not found" as if the project did not exist (delete is idempotent, so it
 * answers "nothing deleted" instead). A role below the operation's need answers "forbidden".
 */
class RoleMatrixTest {
    enum Caller {
        NONE(null),
        VIEWER(Role.VIEWER),
        EDITOR(Role.EDITOR),
        ADMIN(Role.ADMIN),
        OWNER(Role.OWNER);

        final Role role;

        Caller(Role role) {
            this.role = role;
        }
    }

    /** What the operation needs, and how to run it as {@code caller} on {@code project}. */
    record Operation(String name, Role needs, Op run) {
        @Override
        public String toString() {
            return name;
        }
    }

    interface Op {
        Object run(Fixture f, User caller, Project project, User other);
    }

    static final List<Operation> OPERATIONS = List.of(
            new Operation(
                    "timeline",
                    Role.VIEWER,
                    (f, c, p, o) -> f.getTimeline.execute(new GetTimeline.Command(c, p.id().value()))),
            new Operation(
                    "list documents",
                    Role.VIEWER,
                    (f, c, p, o) -> f.listDocuments.execute(new ListDocuments.Command(c, p.id().value()))),
            new Operation(
                    "list members",
                    Role.VIEWER,
                    (f, c, p, o) -> f.listMembers.execute(new ListMembers.Command(c, p.id().value(), 10, 0))),
            new Operation(
                    "export",
                    Role.VIEWER,
                    (f, c, p, o) -> f.exportArchive.execute(new ExportProjectArchive.Command(c, p.id().value()))),
            new Operation(
                    "update",
                    Role.EDITOR,
                    (f, c, p, o) -> f.updateProject.execute(
                            new UpdateProject.Command(c, p.id().value(), "Renamed", null, Optional.empty()))),
            new Operation(
                    "set params",
                    Role.EDITOR,
                    (f, c, p, o) -> f.setParams.execute(SetParams.Command.fromBody(c, p.id().value(), Map.of("k", 1)))),
            new Operation(
                    "archive",
                    Role.EDITOR,
                    (f, c, p, o) -> f.archiveProject.execute(new ArchiveProject.Command(c, p.id().value(), true))),
            new Operation(
                    "upload dataset",
                    Role.EDITOR,
                    (f, c, p, o) -> f.uploadDataset.execute(
                            new UploadDataset.Command(c, p.id().value(), "d.csv", "a,b\n1,2\n".getBytes()))),
            new Operation(
                    "add member",
                    Role.ADMIN,
                    (f, c, p, o) -> f.addMember.execute(AddMember.Command.of(c, p.id().value(), o.email(), "viewer"))),
            new Operation("remove member", Role.ADMIN, (f, c, p, o) -> {
                f.grant(p, o, Role.VIEWER);
                f.removeMember.execute(new RemoveMember.Command(c, p.id().value(), o.id().value()));
                return null;
            }),
            new Operation("delete", Role.OWNER, (f, c, p, o) -> {
                f.deleteProject.execute(new DeleteProject.Command(c, p.id().value()));
                return null;
            }));

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Operation op : OPERATIONS) {
                cells.add(Arguments.of(caller, op));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("matrix")
    void each_role_gets_exactly_what_the_operation_allows(Caller caller, Operation op) {
        Fixture f = new Fixture();
        User owner = f.user("Owner");
        User other = f.user("Other");
        Project project = f.project(owner, "Matrix");
        User who = switch (caller) {
            case OWNER -> owner;
            case NONE -> f.user("Stranger");
            default -> {
                User member = f.user("Member");
                f.grant(project, member, caller.role);
                yield member;
            }
        };
        BiConsumer<User, Project> attempt = (u, p) -> op.run().run(f, u, p, other);

        if (caller == Caller.NONE) {
            // delete included: a project the caller cannot see is not found, and stays
            assertThatThrownBy(() -> attempt.accept(who, project)).isInstanceOf(NotFoundException.class);
            assertThat(f.store.projects.findById(project.id())).isPresent();
        } else if (!caller.role.atLeast(op.needs())) {
            assertThatThrownBy(() -> attempt.accept(who, project)).isInstanceOf(ForbiddenException.class);
        } else {
            attempt.accept(who, project);
            if (op.name().equals("delete")) {
                assertThat(f.store.projects.findById(project.id())).isEmpty();
            } else {
                assertThat(f.store.projects.findById(project.id())).isPresent();
            }
        }
    }
}
