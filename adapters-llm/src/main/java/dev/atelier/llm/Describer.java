package dev.atelier.llm;

import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An extractive description: the two sentences most similar to the whole request, in their
 * original order, from the context (and the prose documents when the context has fewer than two).
 * Table rows never become sentences.
 */
final class Describer {
    static final int MAX_DESCRIPTION = 600;
    private static final int MAX_SENTENCES = 8;

    private Describer() {}

    static String describe(RequestText text, Embedding whole, List<String> filenames) {
        List<String> sentences = new ArrayList<>();
        addSentences(text.context(), sentences);
        if (sentences.size() < 2) {
            addSentences(text.prose(), sentences);
        }
        if (sentences.isEmpty()) {
            if (!text.context().isEmpty()) {
                return RequestText.clip(text.context().replaceAll("\\s+", " "), MAX_DESCRIPTION);
            }
            return "Created from " + String.join(", ", filenames);
        }
        if (sentences.size() <= 2) { // nothing to choose: no need to rank
            return RequestText.clip(String.join(" ", sentences), MAX_DESCRIPTION);
        }
        List<Embedding> vectors = MiniLmEmbeddings.embedAll(sentences);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> -MiniLmEmbeddings.cosine(vectors.get(i), whole)));
        List<Integer> top = new ArrayList<>(order.subList(0, Math.min(2, order.size())));
        top.sort(Comparator.naturalOrder());
        StringBuilder out = new StringBuilder();
        for (int i : top) {
            String s = sentences.get(i);
            if (out.length() + s.length() + 1 > MAX_DESCRIPTION) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(s);
        }
        return out.isEmpty() ? RequestText.clip(sentences.get(top.get(0)), MAX_DESCRIPTION) : out.toString();
    }

    private static void addSentences(String text, List<String> sentences) {
        String flat = text.replaceAll("[ \\t\\x0B\\f]+", " ");
        for (String s : flat.split("(?<=[.!?])\\s+|\\R{2,}|\\R(?=\\p{Lu})")) {
            String sentence = s.replaceAll("\\s+", " ").strip();
            long words = KeyPhrases.WORD.matcher(sentence).results().count();
            if (sentence.length() >= 20 && sentence.length() <= 400 && words >= 4 && !sentences.contains(sentence)) {
                if (!sentence.endsWith(".") && !sentence.endsWith("!") && !sentence.endsWith("?")) {
                    sentence = sentence + ".";
                }
                sentences.add(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
            }
            if (sentences.size() >= MAX_SENTENCES) {
                return;
            }
        }
    }
}
