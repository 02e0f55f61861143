package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Zero-shot classification on sentence embeddings: a text's score for a label is the mean of its
 * two best cosine similarities with the label's prototype sentences, plus a bounded bonus for the
 * label's cues found in the text. The best label wins when it reaches the threshold and leads the
 * runner-up by the margin; otherwise the answer is {@code general}, with the best candidate kept
 * as runner-up so that the reason is visible.
 */
final class ZeroShotClassifier {
    private final LabelSet labels;
    private final Calibration.Classifier calibration;
    private volatile List<List<Embedding>> prototypes;

    ZeroShotClassifier(LabelSet labels, Calibration.Classifier calibration) {
        this.labels = labels;
        this.calibration = calibration;
    }

    /** One label's score and how it was made up. */
    record Score(String label, double similarity, double cues) {
        double total() {
            return similarity + cues;
        }
    }

    /** Every label's score, best first. */
    List<Score> scores(Embedding text, String lowerContext, String lowerDocuments) {
        List<List<Embedding>> protos = prototypes();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < labels.labels().size(); i++) {
            LabelSet.Label label = labels.labels().get(i);
            scores.add(new Score(
                    label.id(), similarity(text, protos.get(i)), cueScore(label.cues(), lowerContext, lowerDocuments)));
        }
        scores.sort(Comparator.comparingDouble(Score::total).reversed());
        return scores;
    }

    Analysis.Decision decide(List<Score> scores) {
        Score best = scores.get(0);
        Score second = scores.size() > 1 ? scores.get(1) : null;
        double secondTotal = second == null ? 0 : second.total();
        if (best.total() >= calibration.threshold() && best.total() - secondTotal >= calibration.margin()) {
            return new Analysis.Decision(
                    best.label(), round(best.total()), second == null ? null : second.label(), round(secondTotal));
        }
        return new Analysis.Decision(Analysis.GENERAL, null, best.label(), round(best.total()));
    }

    Analysis.Decision classify(Embedding text, String lowerContext, String lowerDocuments) {
        return decide(scores(text, lowerContext, lowerDocuments));
    }

    private static double similarity(Embedding text, List<Embedding> prototypes) {
        double first = -1;
        double second = -1;
        for (Embedding p : prototypes) {
            double s = MiniLmEmbeddings.cosine(text, p);
            if (s > first) {
                second = first;
                first = s;
            } else if (s > second) {
                second = s;
            }
        }
        return second < -0.5 ? first : (first + second) / 2;
    }

    private double cueScore(List<Pattern> cues, String lowerContext, String lowerDocuments) {
        double hits = 0;
        for (Pattern cue : cues) {
            if (cue.matcher(lowerContext).find()) {
                hits += 1;
            } else if (!lowerDocuments.isEmpty() && cue.matcher(lowerDocuments).find()) {
                hits += calibration.documentCueFactor();
            }
        }
        return calibration.cueWeight() * Math.min(hits, calibration.cueCap());
    }

    /** Every prototype sentence, for the shipped embedding file. */
    List<String> prototypeSentences() {
        List<String> all = new ArrayList<>();
        labels.labels().forEach(l -> all.addAll(l.prototypes()));
        return all;
    }

    /** Embedded once, on first use (from the shipped file, or by the model for edited sentences). */
    private List<List<Embedding>> prototypes() {
        List<List<Embedding>> p = prototypes;
        if (p == null) {
            synchronized (this) {
                p = prototypes;
                if (p == null) {
                    List<String> all = new ArrayList<>();
                    labels.labels().forEach(l -> all.addAll(l.prototypes()));
                    List<Embedding> vectors = EmbeddingCache.embedAll(all);
                    List<List<Embedding>> grouped = new ArrayList<>();
                    int at = 0;
                    for (LabelSet.Label l : labels.labels()) {
                        grouped.add(List.copyOf(
                                vectors.subList(at, at + l.prototypes().size())));
                        at += l.prototypes().size();
                    }
                    p = List.copyOf(grouped);
                    prototypes = p;
                }
            }
        }
        return p;
    }

    static Double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
