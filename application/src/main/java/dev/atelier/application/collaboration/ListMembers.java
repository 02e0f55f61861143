package dev.atelier.application.collaboration;

import dev.atelier.application.project.ProjectAccess;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.MemberRepository;

/**
 * The members of a project, oldest first, one page at a time. Anyone who can read the project may
 * see who else has access to it (viewer and up).
 */
public final class ListMembers {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    private final ProjectAccess access;
    private final MemberRepository members;

    public ListMembers(ProjectAccess access, MemberRepository members) {
        this.access = access;
        this.members = members;
    }

    public record Command(User caller, String projectId, int limit, long offset) {
        public Command {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
            }
            if (offset < 0 || offset > 100_000_000L) {
                throw new InvalidInputException("offset must be between 0 and 100000000");
            }
        }
    }

    public Page<MemberProfile> execute(Command c) {
        var project = access.require(c.caller(), c.projectId(), Role.VIEWER).project();
        return members.list(project.id(), c.limit(), c.offset());
    }
}
