package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.JsonObjects;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a project, or updates it when the command names the id of a project the caller can edit.
 * A new project gets params version 0, its creator as owner member, and a "created" event; an
 * update bumps the optimistic-lock version and records "updated". An id that exists but is not
 * visible to the caller is "already in use" (409): it is never overwritten.
 */
public final class SaveProject {
    private final ProjectRepository projects;
    private final ProjectAccess access;
    private final Workspaces workspaces;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;

    public SaveProject(ProjectRepository projects, ProjectAccess access, Workspaces workspaces, Bookkeeping books) {
        this.projects = projects;
        this.access = access;
        this.workspaces = workspaces;
        this.uow = books.uow();
        this.timeline = books.timeline();
        this.ids = books.ids();
        this.clock = books.clock();
    }

    /**
     * @param expectedVersion when present, an update must find exactly this version (If-Match)
     */
    public record Command(
            User caller,
            String workspace,
            String id,
            String name,
            String description,
            Map<String, Object> metadata,
            Scope scope,
            String type,
            Map<String, Object> initialParams,
            String instruction,
            LabelingOptions labeling,
            Optional<Long> expectedVersion) {
        public Command {
            if (id != null) {
                Ids.require("project id", id);
            }
            if (name != null) {
                name = Text.name("name", name);
            }
            description = Text.optional("description", description, Text.MAX_DESCRIPTION);
            metadata = metadata == null ? null : JsonObjects.object("metadata", metadata);
            initialParams = initialParams == null ? null : JsonObjects.object("params", initialParams);
            expectedVersion = expectedVersion == null ? Optional.empty() : expectedVersion;
        }

        /** A plain create-or-update as the v1 dialect sends it. */
        public static Command of(
                User caller,
                String workspace,
                String id,
                String name,
                String description,
                Map<String, Object> metadata,
                Scope scope) {
            return new Command(
                    caller,
                    workspace,
                    id,
                    name,
                    description,
                    metadata,
                    scope,
                    null,
                    null,
                    null,
                    null,
                    Optional.empty());
        }
    }

    public record Saved(Project project, boolean created) {}

    /**
     * A command without an id is a create: the workspace (the caller's default one included) is
     * resolved, then {@link ProjectRepository#create} stores the project as one unit whose unique
     * constraints decide a name clash. That is one atomic write after reads that nothing can undo (a
     * workspace is never deleted), so the store may run it without a transaction ({@link
     * UnitOfWork#oneWrite}: on PostgreSQL the read and the create's one statement in auto-commit,
     * with no {@code BEGIN}/{@code COMMIT}). A command with an id may be an update: one transaction.
     * Inside a transaction the caller opened, everything joins it.
     */
    public Saved execute(Command c) {
        if (c.id() == null) {
            // refused before the reads: resolving may create the caller's default workspace, which
            // outside a transaction nothing would undo
            requireName(c);
            return uow.oneWrite(() -> {
                Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
                return new Saved(create(c, workspace), true);
            });
        }
        return uow.inTransaction(() -> {
            Workspace workspace = workspaces.resolve(c.caller(), c.workspace());
            if (projects.findById(new ProjectId(c.id())).isPresent()) {
                return new Saved(update(c), false);
            }
            return new Saved(create(c, workspace), true);
        });
    }

    private Project update(Command c) {
        try {
            return changeExisting(c);
        } catch (dev.atelier.domain.error.NotFoundException invisible) {
            throw new ConflictException("project id " + c.id() + " is already in use");
        }
    }

    /**
     * Updates the existing project {@code c.id()} and never creates one: a missing project, or one
     * the caller cannot see, is {@link dev.atelier.domain.error.NotFoundException} (what PUT-style
     * updates answer). Needs the editor role; honours {@code expectedVersion}; records "updated".
     * Runs in its own transaction or joins the caller's.
     */
    public Project updateExisting(Command c) {
        if (c.id() == null) {
            throw new InvalidInputException("project id is required to update a project");
        }
        return uow.inTransaction(() -> changeExisting(c));
    }

    private Project changeExisting(Command c) {
        Project current = access.requireLocked(c.caller(), c.id(), Role.EDITOR).project();
        if (c.expectedVersion().isPresent() && c.expectedVersion().get() != current.version()) {
            throw new dev.atelier.domain.error.StaleVersionException("project " + c.id() + " has changed since version "
                    + c.expectedVersion().get() + "; it is now at version " + current.version());
        }
        Project changed = current.withDetails(
                c.name() == null ? current.name() : c.name(),
                c.description() == null ? current.description() : c.description(),
                c.metadata() == null ? current.metadata() : c.metadata(),
                c.scope() == null ? current.scope() : c.scope(),
                clock.instant());
        Project saved = projects.update(changed);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", saved.version());
        timeline.record(saved.id(), EventType.UPDATED, saved.name(), c.caller(), details);
        return saved;
    }

    private static void requireName(Command c) {
        if (c.name() == null) {
            throw new InvalidInputException("name is required to create a project");
        }
    }

    private Project create(Command c, Workspace workspace) {
        requireName(c);
        var now = clock.instant();
        Project project = Project.create(
                new ProjectId(c.id() == null ? ids.newId() : c.id()),
                workspace.id(),
                c.caller(),
                c.name(),
                c.description(),
                c.metadata(),
                c.type(),
                c.scope(),
                c.labeling(),
                now);
        projects.create(new ProjectRepository.Creation(
                project,
                ParamVersion.initial(c.initialParams(), c.instruction(), now),
                new Member(project.id(), c.caller().id(), Role.OWNER, now),
                timeline.event(project.id(), EventType.CREATED, project.name(), c.caller(), Map.of())));
        return project;
    }
}
