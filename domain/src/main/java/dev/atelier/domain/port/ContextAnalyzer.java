package dev.atelier.domain.port;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;

/**
 * Turns a user's context and documents into a project draft.
 *
 * <p>Contract: always answers with a draft or throws {@link
 * dev.atelier.domain.error.DependencyUnavailableException}; implementations that call a remote
 * provider retry and then fall back to an offline analysis, reporting {@code fallback = true} and
 * the reason. Thread-safe. Called outside any database transaction.
 */
public interface ContextAnalyzer {
    Analysis analyze(AnalysisRequest request);
}
