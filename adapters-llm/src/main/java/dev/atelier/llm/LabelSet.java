package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The labels of one zero-shot decision (task kinds or domains), read from a resource: each label
 * with descriptive prototype sentences and cues (regular expressions, or plain words and phrases).
 */
record LabelSet(List<Label> labels) {
    static final String TASK_KINDS = "task-kinds.json";
    static final String DOMAINS = "domains.json";

    /** One label; {@code noun} is the task noun a name ends with (task kinds only). */
    record Label(String id, String noun, String description, List<String> prototypes, List<Pattern> cues) {}

    LabelSet {
        labels = List.copyOf(labels);
    }

    /** Task kind cues are regular expressions; domain cues are words or phrases matched whole. */
    static LabelSet load(String resource, boolean regexCues) {
        JsonNode root = AnalyzerResources.json(resource);
        List<Label> labels = new ArrayList<>();
        for (JsonNode l : root.path("labels")) {
            List<Pattern> cues = AnalyzerResources.strings(l.get("cues")).stream()
                    .map(c -> Pattern.compile(
                            regexCues ? c : "(?<![\\p{L}\\p{N}])" + Pattern.quote(c) + "(?![\\p{L}\\p{N}])"))
                    .toList();
            labels.add(new Label(
                    l.path("id").asText(),
                    l.path("noun").asText(null),
                    l.path("description").asText(""),
                    AnalyzerResources.strings(l.get("prototypes")),
                    cues));
        }
        return new LabelSet(labels);
    }

    Optional<Label> find(String id) {
        return labels.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    List<String> ids() {
        return labels.stream().map(Label::id).toList();
    }
}
