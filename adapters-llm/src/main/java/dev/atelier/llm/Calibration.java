package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The offline analyzer's thresholds (resource {@code calibration.json}), calibrated on the tune
 * half of the evaluation set.
 */
record Calibration(Classifier taskKind, Classifier domain, Matching template) {
    static final String RESOURCE = "calibration.json";

    /**
     * A label decision: the winner needs {@code threshold} and a lead of {@code margin}. A label's
     * score is {@code prototypeWeight} times its prototype similarity, plus {@code trainedWeight}
     * times the trained model's probability, plus {@code cueWeight} per distinct cue found, counted
     * up to {@code cueCap} cues, cues found only in documents counting {@code documentCueFactor} as
     * much.
     */
    record Classifier(
            double threshold,
            double margin,
            double cueWeight,
            int cueCap,
            double documentCueFactor,
            double prototypeWeight,
            double trainedWeight) {
        /** Zero-shot only: prototypes at full weight, no trained model. */
        Classifier(double threshold, double margin, double cueWeight, int cueCap, double documentCueFactor) {
            this(threshold, margin, cueWeight, cueCap, documentCueFactor, 1.0, 0.0);
        }

        static Classifier of(JsonNode n) {
            return new Classifier(
                    n.path("threshold").asDouble(),
                    n.path("margin").asDouble(),
                    n.path("cue_weight").asDouble(),
                    n.path("cue_cap").asInt(),
                    n.path("document_cue_factor").asDouble(),
                    n.path("prototype_weight").asDouble(1.0),
                    n.path("trained_weight").asDouble(0.0));
        }

        Classifier withWeights(double threshold, double margin, double prototypeWeight, double trainedWeight) {
            return new Classifier(
                    threshold, margin, cueWeight, cueCap, documentCueFactor, prototypeWeight, trainedWeight);
        }
    }

    /**
     * Template matching: a template is attached when its score reaches {@code threshold} and leads
     * the runner-up by {@code margin}. The score is the embedding similarity, plus {@code
     * keywordWeight} per catalog keyword found (up to {@code keywordCap}), plus an adjustment for
     * the template's domain against the text's: the same, a cross-domain template, another one.
     */
    record Matching(
            double threshold,
            double margin,
            double keywordWeight,
            int keywordCap,
            double sameDomain,
            double generalDomain,
            double otherDomain) {
        static Matching of(JsonNode n) {
            return new Matching(
                    n.path("threshold").asDouble(),
                    n.path("margin").asDouble(),
                    n.path("keyword_weight").asDouble(),
                    n.path("keyword_cap").asInt(),
                    n.path("same_domain").asDouble(),
                    n.path("general_domain").asDouble(),
                    n.path("other_domain").asDouble());
        }
    }

    static Calibration load() {
        JsonNode root = AnalyzerResources.json(RESOURCE);
        return new Calibration(
                Classifier.of(root.path("task_kind")),
                Classifier.of(root.path("domain")),
                Matching.of(root.path("template")));
    }
}
