package dev.atelier.llm;

import dev.langchain4j.data.embedding.Embedding;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Embeddings of the analyzer's fixed sentences (prototypes, catalog profiles) computed at build
 * time and shipped as the resource {@code embeddings.bin}, so that the first analysis after start
 * only pays for the model and the request's own text. A sentence that is not in the file (edited
 * since the file was written) is embedded on first use, as before; a test keeps the file current.
 *
 * <p>Format: an int count, then per sentence the 32-byte SHA-256 of its UTF-8 text, an int
 * dimension and that many floats (big-endian, {@link DataOutputStream}).
 */
final class EmbeddingCache {
    static final String RESOURCE = "embeddings.bin";
    private static volatile Map<String, float[]> shipped;

    private EmbeddingCache() {}

    /** The embeddings of {@code texts}, in order: from the file where present, else from the model. */
    static List<Embedding> embedAll(List<String> texts) {
        Map<String, float[]> known = shipped();
        List<Embedding> out = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = known.get(key(texts.get(i)));
            out.add(v == null ? null : new Embedding(v.clone()));
            if (v == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<Embedding> computed =
                    MiniLmEmbeddings.embedAll(missing.stream().map(texts::get).toList());
            for (int k = 0; k < missing.size(); k++) {
                out.set(missing.get(k), computed.get(k));
            }
        }
        return out;
    }

    /** How many of {@code texts} the shipped file holds. */
    static long shippedCount(List<String> texts) {
        Map<String, float[]> known = shipped();
        return texts.stream().filter(t -> known.containsKey(key(t))).count();
    }

    /** The file's bytes for these texts, embedded by the model now. */
    static byte[] write(List<String> texts) {
        List<String> unique = texts.stream().distinct().toList();
        List<Embedding> vectors = MiniLmEmbeddings.embedAll(unique);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(unique.size());
            for (int i = 0; i < unique.size(); i++) {
                out.write(HexFormat.of().parseHex(key(unique.get(i))));
                float[] v = vectors.get(i).vector();
                out.writeInt(v.length);
                for (float f : v) {
                    out.writeFloat(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Map<String, float[]> shipped() {
        Map<String, float[]> m = shipped;
        if (m == null) {
            synchronized (EmbeddingCache.class) {
                m = shipped;
                if (m == null) {
                    m = read();
                    shipped = m;
                }
            }
        }
        return m;
    }

    private static Map<String, float[]> read() {
        Map<String, float[]> map = new LinkedHashMap<>();
        InputStream raw =
                EmbeddingCache.class.getClassLoader().getResourceAsStream(AnalyzerResources.FOLDER + RESOURCE);
        if (raw == null) {
            return Map.of();
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            int count = in.readInt();
            byte[] hash = new byte[32];
            for (int i = 0; i < count; i++) {
                in.readFully(hash);
                float[] v = new float[in.readInt()];
                for (int d = 0; d < v.length; d++) {
                    v[d] = in.readFloat();
                }
                map.put(HexFormat.of().formatHex(hash), v);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the analyzer resource " + RESOURCE + " could not be read", e);
        }
        return Map.copyOf(map);
    }

    static String key(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
