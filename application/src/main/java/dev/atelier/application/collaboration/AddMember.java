package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Adds a registered user to a project, or changes the role of an existing member (upsert). Needs
 * admin or owner; nobody can grant a role above their own, nor change the role of a member whose
 * current role is above their own. The owner of record keeps the owner role: their membership
 * cannot be changed here. Records "member_added".
 */
public final class AddMember {
    private final ProjectAccess access;
    private final MemberRepository members;
    private final UserRepository users;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public AddMember(
            ProjectAccess access,
            MemberRepository members,
            UserRepository users,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        this.access = access;
        this.members = members;
        this.users = users;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    /** @param role null means editor */
    public record Command(User caller, String projectId, String email, Role role) {
        public Command {
            email = User.normalizeEmail(email);
            role = role == null ? Role.EDITOR : role;
        }

        /** With the role as the wire sends it (null or blank: editor). */
        public static Command of(User caller, String projectId, String email, String role) {
            return new Command(caller, projectId, email, Role.parse(role, Role.EDITOR));
        }
    }

    public MemberProfile execute(Command c) {
        return uow.inTransaction(() -> {
            ProjectAccess.Granted granted = access.requireLocked(c.caller(), c.projectId(), Role.ADMIN);
            Project project = granted.project();
            if (!granted.role().canGrant(c.role())) {
                throw new ForbiddenException("you hold the " + granted.role().wire() + " role on project "
                        + project.id() + " and cannot grant " + c.role().wire());
            }
            User user = users.findByEmail(c.email())
                    .orElseThrow(() -> new NotFoundException("no registered user has the email " + c.email()));
            if (project.isOwnedBy(user.id())) {
                throw new ConflictException(
                        user.email() + " owns project " + project.id() + "; the owner's membership cannot be changed");
            }
            Optional<Role> previous = members.roleOf(project.id(), user.id());
            if (previous.isPresent() && !granted.role().atLeast(previous.get())) {
                throw new ForbiddenException("you cannot change the role of a member whose role ("
                        + previous.get().wire() + ") is above yours ("
                        + granted.role().wire() + ")");
            }
            Member member = new Member(project.id(), user.id(), c.role(), clock.instant());
            members.save(member);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("user_id", user.id().value());
            details.put("email", user.email());
            details.put("role", c.role().wire());
            previous.ifPresent(r -> details.put("previous_role", r.wire()));
            timeline.record(project.id(), EventType.MEMBER_ADDED, user.email(), c.caller(), details);
            return new MemberProfile(member, user.email(), user.name());
        });
    }
}
