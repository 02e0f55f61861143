package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Classification on sentence embeddings, in three parts added up per label: the similarity with the
 * label's prototype sentences (mean of the two best cosines: zero-shot), the probability a model
 * trained offline on a corpus of labelled contexts gives the label ({@link TrainedModel}), and a
 * bounded bonus for the label's cues found in the text; each part weighted by the calibration. The
 * best label wins when its score reaches the threshold and leads the runner-up by the margin;
 * otherwise the answer is {@code general}, with the best candidate kept as runner-up so that the
 * reason is visible. Without a trained model the score is the zero-shot one alone.
 */
final class ZeroShotClassifier {
    private final LabelSet labels;
    private final Calibration.Classifier calibration;
    private final TrainedModel.Head trained;
    private final int[] trainedIndex;
    private volatile List<List<Embedding>> prototypes;

    ZeroShotClassifier(LabelSet labels, Calibration.Classifier calibration) {
        this(labels, calibration, null);
    }

    /** With {@code trained} (may be null): the model's labels are matched to this set's by id. */
    ZeroShotClassifier(LabelSet labels, Calibration.Classifier calibration, TrainedModel.Head trained) {
        this.labels = labels;
        this.calibration = calibration;
        this.trained = trained;
        this.trainedIndex = labels.labels().stream()
                .mapToInt(l -> trained == null ? -1 : trained.labels().indexOf(l.id()))
                .toArray();
    }

    /**
     * One label's score and how it was made up, each part already weighted: prototype similarity,
     * trained model's probability, cues.
     */
    record Score(String label, double similarity, double trained, double cues) {
        Score(String label, double similarity, double cues) {
            this(label, similarity, 0, cues);
        }

        double total() {
            return similarity + trained + cues;
        }
    }

    /** Every label's score, best first; {@code lowerFeatureText} is what the trained model reads. */
    List<Score> scores(Embedding text, String lowerContext, String lowerDocuments, String lowerFeatureText) {
        List<List<Embedding>> protos = prototypes();
        double[] probabilities = trained == null || calibration.trainedWeight() == 0
                ? null
                : trained.probabilities(text.vector(), lowerFeatureText);
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < labels.labels().size(); i++) {
            LabelSet.Label label = labels.labels().get(i);
            double p = probabilities == null || trainedIndex[i] < 0 ? 0 : probabilities[trainedIndex[i]];
            scores.add(new Score(
                    label.id(),
                    calibration.prototypeWeight() * similarity(text, protos.get(i)),
                    calibration.trainedWeight() * p,
                    cueScore(label.cues(), lowerContext, lowerDocuments)));
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

    Analysis.Decision classify(Embedding text, String lowerContext, String lowerDocuments, String lowerFeatureText) {
        return decide(scores(text, lowerContext, lowerDocuments, lowerFeatureText));
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
