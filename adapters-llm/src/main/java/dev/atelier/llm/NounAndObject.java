package dev.atelier.llm;

import java.util.List;

/**
 * What a naming rule found: the task noun and the object of the work (lower case, cleaned);
 * {@code direct} when the object is the phrase a task verb governs ("summarise the board minutes").
 */
record NounAndObject(String noun, List<String> object, boolean direct) {
    NounAndObject(String noun, List<String> object) {
        this(noun, object, false);
    }
}
