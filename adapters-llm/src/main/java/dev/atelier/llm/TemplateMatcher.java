package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.Template;
import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Attaches a catalog template only when it clearly fits. Candidates are the templates of the task
 * kind the text was classified as; each scores its embedding similarity to the text (profile: name,
 * description and keywords), plus a bounded bonus per catalog keyword found in the text, plus an
 * adjustment for its domain (the text's own, a cross-domain template, or another domain). The best
 * is attached when it reaches the threshold and leads the runner-up by the margin. A wrong template
 * fills the project with another problem's params, so in doubt none is attached.
 */
final class TemplateMatcher {
    private final Calibration.Matching calibration;
    private final Map<String, Embedding> profiles = new ConcurrentHashMap<>();
    private final Map<String, List<Pattern>> keywords = new ConcurrentHashMap<>();

    TemplateMatcher(Calibration.Matching calibration) {
        this.calibration = calibration;
    }

    /** The decision and, when one is attached, the template. */
    record Match(Analysis.Decision decision, Optional<Template> template) {}

    private record Scored(Template template, double score) {}

    Match match(List<Template> catalog, String taskKind, String domain, Embedding text, String lowerText) {
        List<Scored> scored = new ArrayList<>();
        for (Template t : catalog) {
            if (t.blueprint().type() == null || !t.blueprint().type().equals(taskKind)) {
                continue;
            }
            scored.add(new Scored(t, score(t, domain, text, lowerText)));
        }
        if (scored.isEmpty()) {
            return new Match(new Analysis.Decision(null, null, null, null), Optional.empty());
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        Scored best = scored.get(0);
        Scored second = scored.size() > 1 ? scored.get(1) : null;
        double secondScore = second == null ? 0 : second.score();
        if (best.score() >= calibration.threshold() && best.score() - secondScore >= calibration.margin()) {
            return new Match(
                    new Analysis.Decision(
                            best.template().id(),
                            ZeroShotClassifier.round(best.score()),
                            second == null ? null : second.template().id(),
                            second == null ? null : ZeroShotClassifier.round(secondScore)),
                    Optional.of(best.template()));
        }
        return new Match(
                new Analysis.Decision(null, null, best.template().id(), ZeroShotClassifier.round(best.score())),
                Optional.empty());
    }

    double score(Template t, String domain, Embedding text, String lowerText) {
        String profileText = profile(t);
        Embedding profile = profiles.computeIfAbsent(
                profileText, key -> EmbeddingCache.embedAll(List.of(key)).get(0));
        long hits = keywords.computeIfAbsent(profileText, key -> keywordPatterns(t)).stream()
                .filter(k -> k.matcher(lowerText).find())
                .count();
        double domainFit = t.category().equals(domain)
                ? calibration.sameDomain()
                : t.category().equals(Analysis.GENERAL) ? calibration.generalDomain() : calibration.otherDomain();
        return MiniLmEmbeddings.cosine(profile, text)
                + calibration.keywordWeight() * Math.min(hits, calibration.keywordCap())
                + domainFit;
    }

    private static List<Pattern> keywordPatterns(Template t) {
        return t.keywords().stream()
                .map(k -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(k.toLowerCase(Locale.ROOT))
                        + "(s|es)?(?![\\p{L}\\p{N}])"))
                .toList();
    }

    static String profile(Template t) {
        return t.name() + ". " + t.description() + " " + String.join(", ", t.keywords());
    }
}
