package dev.atelier.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One word of a statement as written and in lower case; {@code breakBefore} when punctuation (or a
 * line break) separates it from the previous one, so that a phrase never runs across it.
 */
record NamingToken(String lower, String original, boolean breakBefore) {
    private static final Pattern BREAK = Pattern.compile("[,;:()\\[\\]/&\"?!.\u2013\u2014]|\\s-\\s");

    /** The words of a text (a possessive 's dropped), in order. */
    static List<NamingToken> tokens(String text) {
        List<NamingToken> out = new ArrayList<>();
        Matcher m = KeyPhrases.WORD.matcher(text);
        int previousEnd = 0;
        while (m.find()) {
            String gap = text.substring(previousEnd, m.start());
            String original = m.group().replaceAll("['\u2019]s$", "");
            out.add(new NamingToken(
                    original.toLowerCase(Locale.ROOT),
                    original,
                    BREAK.matcher(gap).find() || gap.contains("\n")));
            previousEnd = m.end();
        }
        return out;
    }

    /** Words written in mixed case (HbA1c, XGBoost, YouTube), by their lower case: they keep it in the name. */
    static Map<String, String> mixedCase(List<NamingToken> tokens) {
        Map<String, String> cased = new LinkedHashMap<>();
        for (NamingToken t : tokens) {
            String o = t.original();
            if (o.length() > 1 && !o.substring(1).equals(o.substring(1).toLowerCase(Locale.ROOT))) {
                cased.putIfAbsent(t.lower(), o);
            }
        }
        return cased;
    }
}
