package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes a member from a project. Needs admin or owner, and the member's role must not be above
 * the caller's; any member may remove themselves (leave). The owner of record cannot be removed.
 * A user who is not a member is "not found". Records "member_removed".
 */
public final class RemoveMember {
    private final ProjectAccess access;
    private final MemberRepository members;
    private final UserRepository users;
    private final Timeline timeline;
    private final UnitOfWork uow;

    public RemoveMember(
            ProjectAccess access, MemberRepository members, UserRepository users, Timeline timeline, UnitOfWork uow) {
        this.access = access;
        this.members = members;
        this.users = users;
        this.timeline = timeline;
        this.uow = uow;
    }

    public record Command(User caller, String projectId, String userId) {
        public Command {
            if (userId == null || userId.isBlank()) {
                throw new InvalidInputException("user_id is required");
            }
        }
    }

    public void execute(Command c) {
        uow.run(() -> {
            boolean self = c.caller().id().value().equals(c.userId());
            ProjectAccess.Granted granted =
                    access.requireLocked(c.caller(), c.projectId(), self ? Role.VIEWER : Role.ADMIN);
            Project project = granted.project();
            if (!Ids.isValid(c.userId())) {
                throw notAMember(c, project);
            }
            UserId target = new UserId(c.userId());
            if (project.isOwnedBy(target)) {
                throw new ConflictException("the owner of project " + project.id() + " cannot be removed");
            }
            Role role = members.roleOf(project.id(), target).orElseThrow(() -> notAMember(c, project));
            if (!self && !granted.role().atLeast(role)) {
                throw new ForbiddenException("you cannot remove a member whose role (" + role.wire()
                        + ") is above yours (" + granted.role().wire() + ")");
            }
            members.remove(project.id(), target);
            String name = users.findById(target).map(User::email).orElse(target.value());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("user_id", target.value());
            details.put("role", role.wire());
            timeline.record(project.id(), EventType.MEMBER_REMOVED, name, c.caller(), details);
        });
    }

    private static NotFoundException notAMember(Command c, Project project) {
        return new NotFoundException("user " + dev.atelier.domain.model.Text.clip(c.userId(), 64)
                + " is not a member of project " + project.id());
    }
}
