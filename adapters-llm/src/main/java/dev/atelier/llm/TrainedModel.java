package dev.atelier.llm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A multinomial logistic regression trained offline on a corpus of labelled contexts (resource
 * {@code trained.bin}, written by {@code bench/analyzer/run --train}): one head for the task kind, one
 * for the domain. Its features are the text's sentence embedding and the words and word pairs it
 * uses, so that it learns both what a context is about and how people phrase a kind of task, from
 * many more wordings than a handful of prototype sentences. Nothing is trained at start-up; the
 * weights are read once, on first use.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): an int count of heads; per head its name, the
 * labels, the embedding and term scales, the embedding dimension, the vocabulary, then per label a
 * float bias and its weights as half-precision floats (ample for weights of this size, half the bytes).
 */
final class TrainedModel {
    static final String RESOURCE = "trained.bin";
    static final String TASK_KIND = "task_kind";
    static final String DOMAIN = "domain";
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");
    private static volatile Map<String, Head> shipped;

    private TrainedModel() {}

    /**
     * One decision's weights. Feature vector: {@code embeddingScale} times the unit-length
     * embedding, then {@code termScale} times the indicator of each vocabulary term found in the
     * text, divided by the square root of how many were found.
     */
    record Head(
            String name,
            List<String> labels,
            double embeddingScale,
            double termScale,
            int dimension,
            Map<String, Integer> vocabulary,
            float[][] weights,
            float[] bias) {

        /** The probability of each of {@link #labels()} for a text (its embedding and lower-cased words). */
        double[] probabilities(float[] embedding, String lowerText) {
            Features f = features(embedding, lowerText);
            double[] z = new double[labels.size()];
            for (int l = 0; l < z.length; l++) {
                z[l] = bias[l] + f.dot(weights[l]);
            }
            return softmax(z);
        }

        Features features(float[] embedding, String lowerText) {
            return Features.of(embedding, lowerText, vocabulary, dimension, embeddingScale, termScale);
        }
    }

    /** The features of one text: a dense embedding part and a sparse part of vocabulary terms. */
    record Features(double[] dense, int[] terms, double termValue) {
        static Features of(
                float[] embedding,
                String lowerText,
                Map<String, Integer> vocabulary,
                int dimension,
                double embeddingScale,
                double termScale) {
            double norm = 0;
            for (float v : embedding) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            double[] dense = new double[dimension];
            for (int d = 0; d < dimension && d < embedding.length; d++) {
                dense[d] = norm == 0 ? 0 : embeddingScale * embedding[d] / norm;
            }
            int[] found = TrainedModel.terms(lowerText).stream()
                    .map(vocabulary::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(i -> dimension + i)
                    .sorted()
                    .toArray();
            return new Features(dense, found, found.length == 0 ? 0 : termScale / Math.sqrt(found.length));
        }

        double dot(float[] w) {
            double s = 0;
            for (int d = 0; d < dense.length; d++) {
                s += dense[d] * w[d];
            }
            for (int t : terms) {
                s += termValue * w[t];
            }
            return s;
        }
    }

    /** The words (ASCII letters and digits) of a lower-cased text and every pair of neighbours. */
    static Set<String> terms(String lowerText) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(lowerText);
        while (m.find()) {
            words.add(m.group());
        }
        Set<String> terms = new LinkedHashSet<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            terms.add(words.get(i) + " " + words.get(i + 1));
        }
        return terms;
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** The shipped head of that name, if the resource holds one. */
    static Optional<Head> head(String name) {
        Map<String, Head> m = shipped;
        if (m == null) {
            synchronized (TrainedModel.class) {
                m = shipped;
                if (m == null) {
                    m = read();
                    shipped = m;
                }
            }
        }
        return Optional.ofNullable(m.get(name));
    }

    private static Map<String, Head> read() {
        InputStream raw = TrainedModel.class.getClassLoader().getResourceAsStream(AnalyzerResources.FOLDER + RESOURCE);
        if (raw == null) {
            return Map.of();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the analyzer resource " + RESOURCE + " could not be read", e);
        }
    }

    static Map<String, Head> read(DataInputStream in) throws IOException {
        Map<String, Head> heads = new HashMap<>();
        int count = in.readInt();
        for (int h = 0; h < count; h++) {
            String name = in.readUTF();
            List<String> labels = new ArrayList<>();
            int labelCount = in.readInt();
            for (int i = 0; i < labelCount; i++) {
                labels.add(in.readUTF());
            }
            double embeddingScale = in.readDouble();
            double termScale = in.readDouble();
            int dimension = in.readInt();
            Map<String, Integer> vocabulary = new HashMap<>();
            int size = in.readInt();
            for (int i = 0; i < size; i++) {
                vocabulary.put(in.readUTF(), i);
            }
            float[][] weights = new float[labelCount][dimension + size];
            float[] bias = new float[labelCount];
            for (int l = 0; l < labelCount; l++) {
                bias[l] = in.readFloat();
                for (int j = 0; j < dimension + size; j++) {
                    weights[l][j] = Float.float16ToFloat(in.readShort());
                }
            }
            heads.put(
                    name,
                    new Head(
                            name,
                            List.copyOf(labels),
                            embeddingScale,
                            termScale,
                            dimension,
                            Map.copyOf(vocabulary),
                            weights,
                            bias));
        }
        return Map.copyOf(heads);
    }

    /** The resource's bytes for these heads. */
    static byte[] write(List<Head> heads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(heads.size());
            for (Head head : heads) {
                out.writeUTF(head.name());
                out.writeInt(head.labels().size());
                for (String l : head.labels()) {
                    out.writeUTF(l);
                }
                out.writeDouble(head.embeddingScale());
                out.writeDouble(head.termScale());
                out.writeInt(head.dimension());
                String[] terms = new String[head.vocabulary().size()];
                head.vocabulary().forEach((t, i) -> terms[i] = t);
                out.writeInt(terms.length);
                for (String t : terms) {
                    out.writeUTF(t);
                }
                for (int l = 0; l < head.labels().size(); l++) {
                    out.writeFloat(head.bias()[l]);
                    for (float v : head.weights()[l]) {
                        out.writeShort(Float.floatToFloat16(v));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
