package dev.atelier.http.config;

import dev.atelier.application.analysis.CreateProjectFromContext;
import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.application.project.Bookkeeping;
import dev.atelier.application.project.ProjectStores;
import dev.atelier.application.project.UniqueNames;
import dev.atelier.application.workspace.Workspaces;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TemplateCatalog;
import dev.atelier.domain.port.TextExtractor;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

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
            ProjectStores stores,
            Workspaces workspaces,
            UniqueNames names,
            Bookkeeping books) {
        return new CreateProjectFromContext(drafts, stores, workspaces, names, books);
    }
}
