package dev.atelier.http.config;

import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.CleanupProjects;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.SaveProject;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root for the core project operations (save, load, list, cleanup; copy is wired with the
 * exchange core in {@link ExchangeUseCases}). */
@Factory
class ProjectUseCases {

    @Singleton
    ProjectAccess projectAccess(ProjectRepository projects, MemberRepository members) {
        return new ProjectAccess(projects, members);
    }

    @Singleton
    Timeline timeline(EventRepository events, IdGenerator ids, Clock clock) {
        return new Timeline(events, ids, clock);
    }

    @Singleton
    ProjectStores projectStores(
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            DocumentRepository documents,
            EventRepository events) {
        return new ProjectStores(projects, params, members, documents, events);
    }

    @Singleton
    Bookkeeping bookkeeping(UnitOfWork uow, Timeline timeline, IdGenerator ids, Clock clock) {
        return new Bookkeeping(uow, timeline, ids, clock);
    }

    @Singleton
    UniqueNames uniqueNames(ProjectRepository projects) {
        return new UniqueNames(projects);
    }

    @Singleton
    SaveProject saveProject(
            ProjectRepository projects, ProjectAccess access, Workspaces workspaces, Bookkeeping books) {
        return new SaveProject(projects, access, workspaces, books);
    }

    @Singleton
    LoadProject loadProject(ProjectAccess access, ProjectRepository projects, Workspaces workspaces, UnitOfWork uow) {
        return new LoadProject(access, projects, workspaces, uow);
    }

    @Singleton
    ListProjects listProjects(ProjectRepository projects, Workspaces workspaces) {
        return new ListProjects(projects, workspaces);
    }

    @Singleton
    CleanupProjects cleanupProjects(
            ProjectRepository projects, ProjectAccess access, Workspaces workspaces, UnitOfWork uow) {
        return new CleanupProjects(projects, access, workspaces, uow);
    }
}
