package dev.atelier.domain.model;

import java.util.Objects;

/**
 * A draft together with how it was obtained: which provider and model answered, whether the offline
 * analyzer stood in for a failed provider ({@code fallback}, with the {@code reason}), and the three
 * decisions behind the draft with their evidence ({@code taskKind}, {@code domain}, {@code template}),
 * so that a user or operator sees why the draft says what it says.
 */
public record Analysis(
        ProjectDraft draft,
        String provider,
        String model,
        boolean fallback,
        String reason,
        Decision taskKind,
        Decision domain,
        Decision template) {
    /** The label a model gives when no task kind or domain clears its threshold. */
    public static final String GENERAL = "general";

    public Analysis {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(provider, "provider");
        taskKind = taskKind == null ? Decision.unscored(draft.type()) : taskKind;
        domain = domain == null ? Decision.unscored(draft.domain()) : domain;
        template = template == null ? Decision.unscored(draft.templateId()) : template;
    }

    /** An analysis whose decisions carry no scores (a chat model answered, or nothing was scored). */
    public Analysis(ProjectDraft draft, String provider, String model, boolean fallback, String reason) {
        this(draft, provider, model, fallback, reason, null, null, null);
    }

    /** The same analysis answered in place of a failed provider. */
    public Analysis asFallback(String why) {
        return new Analysis(draft, provider, model, true, why, taskKind, domain, template);
    }

    /**
     * One decision: the chosen {@code label} (for a template null when none fits) with its score,
     * and the best other candidate with its score. Scores are null when the answer was not scored.
     */
    public record Decision(String label, Double score, String runnerUp, Double runnerUpScore) {
        public static Decision unscored(String label) {
            return new Decision(label, null, null, null);
        }
    }
}
