package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.Template;
import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains the offline analyzer's {@link TrainedModel} (not a test; used by {@code bench/analyzer/run
 * --train} and by the harness's cross-validation row): a multinomial logistic regression per decision
 * (task kind, domain) over the features {@link TrainedModel.Features} defines, L2-regularised, fitted
 * by full-batch Adam from zero weights (deterministic). A context with two acceptable labels has half
 * of its target on each; one whose expected answer is {@code general} has a uniform target.
 */
final class ClassifierTraining {
    /** Hyper-parameters, chosen by cross-validation on the training corpus and the tune half only. */
    record Hyper(
            double embeddingScale,
            double termScale,
            int minDocumentFrequency,
            double lambda,
            int iterations,
            double learningRate) {
        static final Hyper DEFAULT = new Hyper(3.0, 3.0, 2, 3e-4, 600, 0.05);
    }

    /** One labelled context with what both decisions read of it. */
    record Example(
            String id,
            List<String> taskKinds,
            List<String> domains,
            float[] statement,
            float[] focus,
            String lowerContext,
            String lowerDocuments,
            String lowerFocus) {
        List<String> labels(String head) {
            return head.equals(TrainedModel.TASK_KIND) ? taskKinds : domains;
        }

        float[] embedding(String head) {
            return head.equals(TrainedModel.TASK_KIND) ? statement : focus;
        }

        String featureText(String head) {
            return head.equals(TrainedModel.TASK_KIND) ? lowerContext : lowerFocus;
        }
    }

    private ClassifierTraining() {}

    /** The examples of these cases, read and embedded as the analyzer reads a request. */
    static List<Example> examples(List<EvaluationSet.Case> cases, TikaTextExtractor extractor, List<Template> catalog) {
        List<RequestText> texts = new ArrayList<>();
        List<String> toEmbed = new ArrayList<>();
        for (EvaluationSet.Case c : cases) {
            RequestText t = RequestText.of(c.request(extractor, catalog));
            texts.add(t);
            toEmbed.add(t.focus());
            toEmbed.add(t.statement());
        }
        List<Embedding> vectors = MiniLmEmbeddings.embedAll(toEmbed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            RequestText t = texts.get(i);
            String lowerContext = t.context().isEmpty() ? t.statement().toLowerCase(Locale.ROOT) : t.lowerContext();
            out.add(new Example(
                    cases.get(i).id(),
                    cases.get(i).taskKinds(),
                    cases.get(i).domains(),
                    vectors.get(2 * i + 1).vector(),
                    vectors.get(2 * i).vector(),
                    lowerContext,
                    t.lowerDocuments(),
                    t.focus().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** Fits one head on the examples. */
    static TrainedModel.Head train(String head, List<String> labels, List<Example> examples, Hyper h) {
        Map<String, Integer> df = new TreeMap<>();
        for (Example e : examples) {
            TrainedModel.terms(e.featureText(head)).forEach(t -> df.merge(t, 1, Integer::sum));
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        df.forEach((t, n) -> {
            if (n >= h.minDocumentFrequency()) {
                vocabulary.put(t, vocabulary.size());
            }
        });
        int dim = examples.getFirst().embedding(head).length;
        int width = dim + vocabulary.size();
        int n = examples.size();
        int k = labels.size();
        TrainedModel.Features[] x = new TrainedModel.Features[n];
        double[][] target = new double[n][k];
        for (int i = 0; i < n; i++) {
            Example e = examples.get(i);
            x[i] = TrainedModel.Features.of(
                    e.embedding(head), e.featureText(head), vocabulary, dim, h.embeddingScale(), h.termScale());
            List<String> expected =
                    e.labels(head).stream().filter(labels::contains).toList();
            for (int l = 0; l < k; l++) {
                target[i][l] =
                        expected.isEmpty() ? 1.0 / k : expected.contains(labels.get(l)) ? 1.0 / expected.size() : 0;
            }
        }
        double[][] w = new double[k][width];
        double[] b = new double[k];
        double[][] mw = new double[k][width];
        double[][] vw = new double[k][width];
        double[] mb = new double[k];
        double[] vb = new double[k];
        float[][] wf = new float[k][width];
        double beta1 = 0.9;
        double beta2 = 0.999;
        for (int it = 1; it <= h.iterations(); it++) {
            double[][] gw = new double[k][width];
            double[] gb = new double[k];
            for (int l = 0; l < k; l++) {
                for (int j = 0; j < width; j++) {
                    wf[l][j] = (float) w[l][j];
                }
            }
            for (int i = 0; i < n; i++) {
                double[] z = new double[k];
                for (int l = 0; l < k; l++) {
                    z[l] = b[l] + x[i].dot(wf[l]);
                }
                double[] p = TrainedModel.softmax(z);
                for (int l = 0; l < k; l++) {
                    double g = (p[l] - target[i][l]) / n;
                    gb[l] += g;
                    double[] dense = x[i].dense();
                    for (int d = 0; d < dense.length; d++) {
                        gw[l][d] += g * dense[d];
                    }
                    for (int t : x[i].terms()) {
                        gw[l][t] += g * x[i].termValue();
                    }
                }
            }
            double c1 = 1 - Math.pow(beta1, it);
            double c2 = 1 - Math.pow(beta2, it);
            for (int l = 0; l < k; l++) {
                for (int j = 0; j < width; j++) {
                    double g = gw[l][j] + 2 * h.lambda() * w[l][j];
                    mw[l][j] = beta1 * mw[l][j] + (1 - beta1) * g;
                    vw[l][j] = beta2 * vw[l][j] + (1 - beta2) * g * g;
                    w[l][j] -= h.learningRate() * (mw[l][j] / c1) / (Math.sqrt(vw[l][j] / c2) + 1e-8);
                }
                mb[l] = beta1 * mb[l] + (1 - beta1) * gb[l];
                vb[l] = beta2 * vb[l] + (1 - beta2) * gb[l] * gb[l];
                b[l] -= h.learningRate() * (mb[l] / c1) / (Math.sqrt(vb[l] / c2) + 1e-8);
            }
        }
        float[][] weights = new float[k][width];
        float[] bias = new float[k];
        for (int l = 0; l < k; l++) {
            for (int j = 0; j < width; j++) {
                weights[l][j] = (float) w[l][j];
            }
            bias[l] = (float) b[l];
        }
        return new TrainedModel.Head(
                head,
                List.copyOf(labels),
                h.embeddingScale(),
                h.termScale(),
                dim,
                Map.copyOf(vocabulary),
                weights,
                bias);
    }

    /** The share of examples whose decision is acceptable (general counts only where expected). */
    static double accuracy(List<Example> examples, List<Analysis.Decision> decisions, String head) {
        long right = 0;
        for (int i = 0; i < examples.size(); i++) {
            List<String> expected = examples.get(i).labels(head);
            if (expected.contains(decisions.get(i).label())) {
                right++;
            }
        }
        return (double) right / examples.size();
    }

    /** The decisions of a classifier (with or without a trained head) on the examples. */
    static List<Analysis.Decision> decide(List<Example> examples, ZeroShotClassifier classifier, String head) {
        List<Analysis.Decision> out = new ArrayList<>();
        for (Example e : examples) {
            out.add(classifier.classify(
                    new Embedding(e.embedding(head)), e.lowerContext(), e.lowerDocuments(), e.featureText(head)));
        }
        return out;
    }

    /**
     * K-fold cross-validation of the whole decision (prototypes, trained model, cues, threshold and
     * margin as calibrated): each fold is decided by a head trained on the other folds. Folds are
     * fixed by a seeded shuffle.
     */
    static List<Analysis.Decision> crossValidate(
            List<Example> examples,
            String head,
            LabelSet labels,
            Calibration.Classifier calibration,
            Hyper h,
            int folds) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new Random(7));
        Analysis.Decision[] out = new Analysis.Decision[examples.size()];
        for (int f = 0; f < folds; f++) {
            List<Example> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (i % folds == f) {
                    test.add(order.get(i));
                } else {
                    train.add(examples.get(order.get(i)));
                }
            }
            TrainedModel.Head trained = train(head, labels.ids(), train, h);
            ZeroShotClassifier classifier = new ZeroShotClassifier(labels, calibration, trained);
            List<Analysis.Decision> d = decide(test.stream().map(examples::get).toList(), classifier, head);
            for (int j = 0; j < test.size(); j++) {
                out[test.get(j)] = d.get(j);
            }
        }
        return List.of(out);
    }
}
