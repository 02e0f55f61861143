package dev.atelier.llm;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How the evaluation judges a name: a key word of the case, and the form people give names. */
final class NameCheck {
    private static final Set<String> SMALL = Set.of("and", "or", "of", "for", "the", "a", "an", "in", "on", "to", "by");

    private NameCheck() {}

    /** At least one key word is in the name; words compare by stem, a phrase needs all its words. */
    static boolean holdsKeyword(String name, List<String> keywords) {
        List<String> words = words(name);
        for (String keyword : keywords) {
            if (words(keyword).stream().allMatch(k -> words.stream().anyMatch(w -> sameStem(w, k)))) {
                return true;
            }
        }
        return false;
    }

    /** 2 to 5 words, each capitalised (small joining words aside), not the start of the context. */
    static boolean wellFormed(String name, String context) {
        String[] parts = name.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 5) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            boolean small = i > 0 && SMALL.contains(p);
            if (!small && !Character.isUpperCase(p.codePointAt(0)) && !Character.isDigit(p.codePointAt(0))) {
                return false;
            }
        }
        String flatContext = String.join(" ", words(context));
        return !flatContext.startsWith(String.join(" ", words(name)));
    }

    static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Equal, or sharing a prefix as long as the shorter word less one letter (at least 3). */
    static boolean sameStem(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 3) {
            return false;
        }
        int common = 0;
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= Math.max(3, shorter - 1);
    }
}
