package dev.atelier.http.config;

import dev.atelier.application.workspace.ListWorkspaces;
import dev.atelier.application.workspace.LoadWorkspace;
import dev.atelier.application.workspace.SaveWorkspace;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.WorkspaceRepository;
import dev.atelier.http.v1.WorkspaceAliases;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root for workspaces. */
@Factory
class WorkspaceUseCases {

    @Singleton
    Workspaces workspaces(WorkspaceRepository workspaces, UnitOfWork uow, IdGenerator ids, Clock clock) {
        return new Workspaces(workspaces, uow, ids, clock, WorkspaceAliases.DEFAULT_WORKSPACE);
    }

    @Singleton
    SaveWorkspace saveWorkspace(WorkspaceRepository workspaces, UnitOfWork uow, IdGenerator ids, Clock clock) {
        return new SaveWorkspace(workspaces, uow, ids, clock);
    }

    @Singleton
    ListWorkspaces listWorkspaces(WorkspaceRepository workspaces, Workspaces resolver) {
        return new ListWorkspaces(workspaces, resolver);
    }

    @Singleton
    LoadWorkspace loadWorkspace(WorkspaceRepository workspaces, Workspaces resolver) {
        return new LoadWorkspace(workspaces, resolver);
    }
}
