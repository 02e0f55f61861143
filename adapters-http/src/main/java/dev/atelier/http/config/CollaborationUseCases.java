package dev.atelier.http.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.collaboration.AddMember;
import dev.atelier.application.collaboration.ArchiveProject;
import dev.atelier.application.collaboration.CreateLabelingProject;
import dev.atelier.application.collaboration.DeleteProject;
import dev.atelier.application.collaboration.ExportProjectArchive;
import dev.atelier.application.collaboration.GetLabelingProject;
import dev.atelier.application.collaboration.GetTimeline;
import dev.atelier.application.collaboration.ImportProjectArchive;
import dev.atelier.application.collaboration.ListDocuments;
import dev.atelier.application.collaboration.ListLabelingProjects;
import dev.atelier.application.collaboration.ListMembers;
import dev.atelier.application.collaboration.RemoveMember;
import dev.atelier.application.collaboration.SetParams;
import dev.atelier.application.collaboration.UpdateProject;
import dev.atelier.application.collaboration.UploadDataset;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.CleanupProjects;
import dev.atelier.application.project.ListProjects;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.SaveProject;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import dev.atelier.http.resource.ZipProjectArchives;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Composition root for the collaboration use cases (members, timeline, update/archive/delete,
 * params, the labeling API's by-name operations, datasets, project ZIP archives).
 */
@Factory
class CollaborationUseCases {

    @Singleton
    ListMembers listMembers(ProjectAccess access, MemberRepository members) {
        return new ListMembers(access, members);
    }

    @Singleton
    AddMember addMember(
            ProjectAccess access,
            MemberRepository members,
            UserRepository users,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        return new AddMember(access, members, users, timeline, uow, clock);
    }

    @Singleton
    RemoveMember removeMember(
            ProjectAccess access, MemberRepository members, UserRepository users, Timeline timeline, UnitOfWork uow) {
        return new RemoveMember(access, members, users, timeline, uow);
    }

    @Singleton
    GetTimeline getTimeline(ProjectAccess access, EventRepository events) {
        return new GetTimeline(access, events);
    }

    @Singleton
    ListDocuments listDocuments(ProjectAccess access, DocumentRepository documents, UnitOfWork uow) {
        return new ListDocuments(access, documents, uow);
    }

    @Singleton
    UpdateProject updateProject(SaveProject save) {
        return new UpdateProject(save);
    }

    @Singleton
    DeleteProject deleteProject(CleanupProjects cleanup, UnitOfWork uow) {
        return new DeleteProject(cleanup, uow);
    }

    @Singleton
    ArchiveProject archiveProject(
            ProjectAccess access, ProjectRepository projects, Timeline timeline, UnitOfWork uow, Clock clock) {
        return new ArchiveProject(access, projects, timeline, uow, clock);
    }

    @Singleton
    SetParams setParams(
            ProjectAccess access, ParamHistoryRepository params, Timeline timeline, UnitOfWork uow, Clock clock) {
        return new SetParams(access, params, timeline, uow, clock);
    }

    @Singleton
    CreateLabelingProject createLabelingProject(SaveProject save, ParamHistoryRepository params) {
        return new CreateLabelingProject(save, params);
    }

    @Singleton
    GetLabelingProject getLabelingProject(
            ProjectRepository projects, ParamHistoryRepository params, ProjectAccess access, Workspaces workspaces) {
        return new GetLabelingProject(projects, params, access, workspaces);
    }

    @Singleton
    ListLabelingProjects listLabelingProjects(ListProjects list, ParamHistoryRepository params) {
        return new ListLabelingProjects(list, params);
    }

    @Singleton
    UploadDataset uploadDataset(
            ProjectAccess access, TextExtractor extractor, DocumentRepository documents, Bookkeeping books) {
        return new UploadDataset(access, extractor, documents, books);
    }

    @Singleton
    ExportProjectArchive exportProjectArchive(
            ProjectAccess access,
            ParamHistoryRepository params,
            DocumentRepository documents,
            Timeline timeline,
            UnitOfWork uow,
            Clock clock) {
        return new ExportProjectArchive(access, params, documents, timeline, uow, clock);
    }

    @Singleton
    ImportProjectArchive importProjectArchive(
            ProjectStores stores,
            TextExtractor extractor,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        return new ImportProjectArchive(stores, extractor, workspaces, names, books);
    }

    @Singleton
    ZipProjectArchives zipProjectArchives(ObjectMapper json) {
        return new ZipProjectArchives(json);
    }
}
