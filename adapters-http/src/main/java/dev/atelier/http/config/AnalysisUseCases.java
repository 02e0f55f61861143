package dev.atelier.http.config;

import dev.atelier.application.analysis.CreateProjectFromContext;
import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.application.project.Timeline;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.TextExtractor;
import dev.atelier.domain.port.UnitOfWork;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Composition root for drafting and creating projects from a context. The extractor and the analyzer come from adapters-llm
 * (runtime classpath); the request limits are {@code atelier.extraction.max-files} (20) and {@code
 * atelier.extraction.max-request-size} (100 MiB).
 */
@Factory
class AnalysisUseCases {

    @Singleton
    DraftProjectFromContext draftProjectFromContext(
            TextExtractor extractor,
            ContextAnalyzer analyzer,
            TemplateCatalog templates,
            @Value("${atelier.extraction.max-files:20}") int maxFiles,
            @Value("${atelier.extraction.max-request-size:104857600}") long maxRequestBytes) {
        return new DraftProjectFromContext(extractor, analyzer, templates, maxFiles, maxRequestBytes);
    }

    @Singleton
    CreateProjectFromContext createProjectFromContext(
            DraftProjectFromContext drafts,
            ProjectRepository projects,
            ParamHistoryRepository params,
            MemberRepository members,
            DocumentRepository documents,
            Workspaces workspaces,
            UniqueNames names,
            Timeline timeline,
            UnitOfWork uow,
            IdGenerator ids,
            Clock clock) {
        return new CreateProjectFromContext(
                drafts, projects, params, members, documents, workspaces, names, timeline, uow, ids, clock);
    }
}
