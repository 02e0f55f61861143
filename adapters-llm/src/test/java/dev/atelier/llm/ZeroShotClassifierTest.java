package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Analysis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision rule of zero-shot classification: a threshold and a margin, else general. */
class ZeroShotClassifierTest {
    private static final ZeroShotClassifier classifier =
            new ZeroShotClassifier(new LabelSet(List.of()), new Calibration.Classifier(0.30, 0.04, 0.08, 3, 0.5));

    private static List<ZeroShotClassifier.Score> scores(double best, double second) {
        return List.of(
                new ZeroShotClassifier.Score("forecasting", best, 0),
                new ZeroShotClassifier.Score("regression", second, 0));
    }

    @Test
    void a_label_above_the_threshold_and_ahead_by_the_margin_wins_with_its_runner_up() {
        Analysis.Decision d = classifier.decide(scores(0.52, 0.40));

        assertThat(d).isEqualTo(new Analysis.Decision("forecasting", 0.52, "regression", 0.40));
    }

    @Test
    void below_the_threshold_the_answer_is_general_and_names_the_best_candidate() {
        Analysis.Decision d = classifier.decide(scores(0.29, 0.10));

        assertThat(d).isEqualTo(new Analysis.Decision("general", null, "forecasting", 0.29));
    }

    @Test
    void two_labels_too_close_to_call_are_general() {
        Analysis.Decision d = classifier.decide(scores(0.45, 0.42));

        assertThat(d.label()).isEqualTo("general");
        assertThat(d.runnerUp()).isEqualTo("forecasting");
    }

    @Test
    void cues_add_to_the_similarity() {
        assertThat(new ZeroShotClassifier.Score("x", 0.30, 0.16).total())
                .isEqualTo(0.46, org.assertj.core.data.Offset.offset(1e-9));
    }
}
