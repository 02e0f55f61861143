package dev.atelier.http.config;

import dev.atelier.application.exchange.CopyProject;
import dev.atelier.application.exchange.ExportProject;
import dev.atelier.application.exchange.ExportWorkspace;
import dev.atelier.application.exchange.ImportProject;
import dev.atelier.application.exchange.ImportTemplate;
import dev.atelier.application.exchange.ImportWorkspace;
import dev.atelier.application.exchange.ListTemplates;
import dev.atelier.application.exchange.ProjectImporter;
import dev.atelier.application.exchange.ProjectTables;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root for export, import, copy's core and templates (application package exchange). */
@Factory
class ExchangeUseCases {

    @Singleton
    ProjectTables projectTables(ProjectStores stores, UserRepository users) {
        return new ProjectTables(stores, users);
    }

    @Singleton
    ProjectImporter projectImporter(
            ProjectStores stores, UserRepository users, Timeline timeline, IdGenerator ids, Clock clock) {
        return new ProjectImporter(stores, users, timeline, ids, clock);
    }

    @Singleton
    ExportProject exportProject(
            ProjectAccess access,
            Workspaces workspaces,
            ProjectTables tables,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        return new ExportProject(access, workspaces, tables, timeline, uow, clock);
    }

    @Singleton
    ImportProject importProject(
            Workspaces workspaces, ProjectImporter importer, ParamHistoryRepository params, UnitOfWork uow) {
        return new ImportProject(workspaces, importer, params, uow);
    }

    @Singleton
    ExportWorkspace exportWorkspace(
            Workspaces workspaces,
            ProjectRepository projects,
            ProjectTables tables,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        return new ExportWorkspace(workspaces, projects, tables, timeline, uow, clock);
    }

    @Singleton
    ImportWorkspace importWorkspace(Workspaces workspaces, ProjectImporter importer, UnitOfWork uow) {
        return new ImportWorkspace(workspaces, importer, uow);
    }

    @Singleton
    CopyProject copyProject(
            ProjectAccess access,
            Workspaces workspaces,
            ProjectTables tables,
            ProjectImporter importer,
            UnitOfWork uow) {
        return new CopyProject(access, workspaces, tables, importer, uow);
    }

    @Singleton
    ListTemplates listTemplates(TemplateCatalog catalog) {
        return new ListTemplates(catalog);
    }

    @Singleton
    ImportTemplate importTemplate(
            TemplateCatalog catalog,
            ProjectStores stores,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        return new ImportTemplate(catalog, stores, workspaces, names, books);
    }
}
