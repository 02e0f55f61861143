package dev.atelier.application.project;

import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * Copies a project the caller can read into a workspace the caller can use: same content, params
 * history and documents; new id; the caller becomes owner; the name is kept unique in the target
 * with a numbered suffix. Members are not copied (the copy is the caller's). One transaction.
 */
public final class CopyProject {
    private final ProjectRepository projects;
    private final ParamHistoryRepository params;
    private final MemberRepository members;
    private final DocumentRepository documents;
    private final ProjectAccess access;
    private final Workspaces workspaces;
    private final UniqueNames names;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;

    public CopyProject(
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            DocumentRepository documents,
            ProjectAccess access,
            Workspaces workspaces,
            UniqueNames names,
            Timeline timeline,
            UnitOfWork uow,
            IdGenerator ids,
            Clock clock) {
        this.projects = projects;
        this.params = params;
        this.members = members;
        this.documents = documents;
        this.access = access;
        this.workspaces = workspaces;
        this.names = names;
        this.timeline = timeline;
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
    }

    public record Command(
            User caller,
            String projectId,
            String sourceWorkspace,
            String targetWorkspace,
            String newName,
            Scope targetScope) {
        public Command {
            if (newName != null && newName.isBlank()) {
                newName = null;
            }
            if (newName != null) {
                newName = Text.name("new_project_name", newName);
            }
        }
    }

    public Project execute(Command c) {
        Optional<Workspace> source = Workspace.isDefaultAlias(c.sourceWorkspace())
                ? Optional.empty()
                : Optional.of(workspaces.resolve(c.caller(), c.sourceWorkspace()));
        Workspace target = workspaces.resolve(c.caller(), c.targetWorkspace());
        return uow.inTransaction(() -> {
            Project original = access.require(c.caller(), c.projectId(), Role.VIEWER, source)
                    .project();
            var now = clock.instant();
            String name =
                    names.firstFree(target.id(), c.caller().id(), c.newName() == null ? original.name() : c.newName());
            Project copy = original.relocated(
                    new ProjectId(ids.newId()),
                    target.id(),
                    c.caller(),
                    name,
                    c.targetScope() == null ? original.scope() : c.targetScope(),
                    now);
            projects.insert(copy);
            for (ParamVersion version : params.history(original.id())) {
                params.append(copy.id(), version);
            }
            if (params.latest(copy.id()).isEmpty()) {
                params.append(copy.id(), ParamVersion.initial(Map.of(), null, now));
            }
            members.save(new Member(copy.id(), c.caller().id(), Role.OWNER, now));
            for (Document document : documents.list(original.id())) {
                documents.insert(document.copyTo(ids.newId(), copy.id(), now));
            }
            timeline.record(
                    copy.id(),
                    EventType.COPIED,
                    copy.name(),
                    c.caller(),
                    Map.of("source_project_id", original.id().value()));
            return projects.findById(copy.id()).orElse(copy);
        });
    }
}
