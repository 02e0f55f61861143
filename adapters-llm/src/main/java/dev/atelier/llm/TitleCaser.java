package dev.atelier.llm;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Title Case for a name: every word capitalised (also after a hyphen) but the small ones inside;
 * acronyms in capitals, words written in mixed case (HbA1c, XGBoost) as written.
 */
final class TitleCaser {
    private static final Set<String> SMALL_WORDS = Set.of("and", "or", "of", "for", "the", "a", "an", "in", "on", "to");

    private TitleCaser() {}

    /**
     * @param phrase words in lower case, separated by single spaces
     * @param acronyms words written in capitals in the request, in lower case
     * @param cased words written in mixed case, by their lower case
     */
    static String titleCase(String phrase, Set<String> acronyms, Map<String, String> cased) {
        StringBuilder out = new StringBuilder();
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (i > 0) {
                out.append(' ');
            }
            if (acronyms.contains(w)) {
                out.append(w.toUpperCase(Locale.ROOT));
                continue;
            }
            String original = cased.get(w);
            if (original != null && !original.equals(original.toUpperCase(Locale.ROOT))) {
                out.append(Character.toUpperCase(original.charAt(0))).append(original.substring(1));
                continue;
            }
            if (i > 0 && SMALL_WORDS.contains(w)) {
                out.append(w);
                continue;
            }
            StringBuilder casedWord = new StringBuilder();
            boolean start = true;
            for (char ch : w.toCharArray()) {
                casedWord.append(start ? Character.toUpperCase(ch) : ch);
                start = ch == '-';
            }
            out.append(casedWord);
        }
        return out.toString();
    }
}
