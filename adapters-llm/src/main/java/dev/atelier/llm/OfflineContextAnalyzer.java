package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.langchain4j.data.embedding.Embedding;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default analyzer: no network, everything in-process on the all-MiniLM-L6-v2 embedding model.
 * It composes single-purpose parts: {@link ZeroShotClassifier} for the task kind (which is the
 * project's type) and the domain, {@link TemplateMatcher} for a template that clearly fits (or
 * none), {@link KeyPhrases} for tags, {@link ProjectNamer} for the name and {@link Describer} for
 * the description. Every decision is reported with its score and runner-up.
 */
final class OfflineContextAnalyzer implements ContextAnalyzer {
    static final String PROVIDER = "offline";
    static final String GENERAL = Analysis.GENERAL;
    private static final int MAX_TAGS = 6;

    private final LabelSet taskKinds;
    private final LabelSet domains;
    private final ZeroShotClassifier taskKindClassifier;
    private final ZeroShotClassifier domainClassifier;
    private final TemplateMatcher templates;
    private final ProjectNamer namer;

    OfflineContextAnalyzer() {
        Calibration calibration = Calibration.load();
        this.taskKinds = LabelSet.load(LabelSet.TASK_KINDS, true);
        this.taskKindClassifier = new ZeroShotClassifier(
                taskKinds,
                calibration.taskKind(),
                TrainedModel.head(TrainedModel.TASK_KIND).orElse(null));
        this.domains = LabelSet.load(LabelSet.DOMAINS, false);
        this.domainClassifier = new ZeroShotClassifier(
                domains,
                calibration.domain(),
                TrainedModel.head(TrainedModel.DOMAIN).orElse(null));
        this.templates = new TemplateMatcher(calibration.template());
        this.namer = new ProjectNamer();
    }

    /** The task kinds this analyzer (and every chat provider) chooses from, without general. */
    LabelSet taskKinds() {
        return taskKinds;
    }

    /** The domains this analyzer (and every chat provider) chooses from, without general. */
    LabelSet domains() {
        return domains;
    }

    /** The fixed sentences this analyzer embeds: prototypes and the catalog's template profiles. */
    List<String> fixedSentences(List<Template> catalog) {
        List<String> all = new java.util.ArrayList<>(taskKindClassifier.prototypeSentences());
        all.addAll(domainClassifier.prototypeSentences());
        catalog.forEach(t -> all.add(TemplateMatcher.profile(t)));
        return all;
    }

    @Override
    public Analysis analyze(AnalysisRequest request) {
        return analysis(request, false, null);
    }

    /** The offline answer standing in for a failed provider. */
    Analysis fallback(AnalysisRequest request, String reason) {
        return analysis(request, true, reason);
    }

    private Analysis analysis(AnalysisRequest request, boolean fallback, String reason) {
        RequestText text = RequestText.of(request);
        List<String> filenames = request.documents().stream()
                .map(AnalysisRequest.NamedText::filename)
                .toList();
        if (text.isEmpty()) {
            ProjectDraft empty = new ProjectDraft(
                    ProjectNamer.UNTITLED,
                    filenames.isEmpty() ? "" : "Created from " + String.join(", ", filenames),
                    GENERAL,
                    List.of(GENERAL),
                    GENERAL,
                    Map.of(),
                    null);
            return new Analysis(empty, PROVIDER, MiniLmEmbeddings.MODEL_NAME, fallback, reason);
        }
        boolean statementIsFocus = text.context().isEmpty() || text.documents().isEmpty();
        List<Embedding> embedded = MiniLmEmbeddings.embedAll(
                statementIsFocus ? List.of(text.focus()) : List.of(text.focus(), text.statement()));
        Embedding focus = embedded.get(0);
        Embedding statement = embedded.get(embedded.size() - 1);
        String lowerContext =
                text.context().isEmpty() ? text.statement().toLowerCase(java.util.Locale.ROOT) : text.lowerContext();

        Analysis.Decision taskKind =
                taskKindClassifier.classify(statement, lowerContext, text.lowerDocuments(), lowerContext);
        Analysis.Decision domain = domainClassifier.classify(
                focus, lowerContext, text.lowerDocuments(), text.focus().toLowerCase(java.util.Locale.ROOT));
        String lowerAll = lowerContext + "\n" + text.lowerDocuments();
        TemplateMatcher.Match match =
                templates.match(request.templates(), taskKind.label(), domain.label(), focus, lowerAll);
        Optional<Template> template = match.template();

        List<String> phrases = KeyPhrases.of(text, focus);
        String kindNoun =
                taskKinds.find(taskKind.label()).map(LabelSet.Label::noun).orElse("Analysis");
        String name = namer.name(text.statement(), kindNoun, phrases, text.acronyms());
        String description = Describer.describe(text, focus, filenames);

        Set<String> tags = new LinkedHashSet<>();
        if (!taskKind.label().equals(GENERAL)) {
            tags.add(taskKind.label().replace('_', '-'));
        }
        tags.add(domain.label());
        for (String p : phrases) {
            if (tags.size() >= MAX_TAGS) {
                break;
            }
            tags.add(p.replace(' ', '-'));
        }
        ProjectDraft draft = new ProjectDraft(
                name,
                description,
                taskKind.label(),
                List.copyOf(tags),
                domain.label(),
                template.map(t -> (Map<String, Object>)
                                new LinkedHashMap<>(t.blueprint().params()))
                        .orElse(Map.of()),
                template.map(Template::id).orElse(null));
        return new Analysis(
                draft, PROVIDER, MiniLmEmbeddings.MODEL_NAME, fallback, reason, taskKind, domain, match.decision());
    }
}
