package dev.atelier.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The in-process all-MiniLM-L6-v2 sentence embedding model, 8-bit quantized (ONNX weights and tokenizer ship inside
 * the LangChain4j artifact; nothing is downloaded). Loaded once, on first use, thread-safe.
 *
 * <p>The model's tokenizer comes from DJL, whose {@code Ec2Utils.callHome} contacts the EC2
 * metadata address (169.254.169.254) and a telemetry bucket unless {@code OPT_OUT_TRACKING} is
 * true or DJL runs offline ({@code ai.djl.offline}). DJL reads both as environment variable or
 * system property; {@link #optOutOfTracking()} sets the system properties before the model (and
 * with it the tokenizer) is first touched.
 */
final class MiniLmEmbeddings {
    static final String MODEL_NAME = "all-MiniLM-L6-v2-q";
    private static volatile EmbeddingModel model;

    private MiniLmEmbeddings() {}

    /** Switches DJL's usage tracking and downloads off for this JVM. Idempotent. */
    static void optOutOfTracking() {
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("ai.djl.offline", "true");
    }

    static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (MiniLmEmbeddings.class) {
                m = model;
                if (m == null) {
                    optOutOfTracking();
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = m;
                }
            }
        }
        return m;
    }

    static Embedding embed(String text) {
        return model().embed(text).content();
    }

    static List<Embedding> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return model().embedAll(texts.stream().map(TextSegment::from).toList()).content();
    }

    static double cosine(Embedding a, Embedding b) {
        float[] x = a.vector();
        float[] y = b.vector();
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }
}
