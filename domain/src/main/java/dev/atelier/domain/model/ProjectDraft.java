package dev.atelier.domain.model;

import java.util.List;
import java.util.Map;

/**
 * What a {@code ContextAnalyzer} proposes for a new project. The application validates it again
 * (name rules, uniqueness) before anything is saved.
 */
public record ProjectDraft(
        String name,
        String description,
        String type,
        List<String> tags,
        String domain,
        Map<String, Object> params,
        String templateId) {
    public ProjectDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        params = params == null ? Map.of() : params;
    }
}
