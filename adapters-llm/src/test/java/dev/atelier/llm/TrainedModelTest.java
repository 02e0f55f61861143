package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.atelier.domain.model.Analysis;
import dev.langchain4j.data.embedding.Embedding;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trained classifier: its features, its resource format, and how its probability counts. */
class TrainedModelTest {
    /** Two labels over a 2-dimensional embedding and two terms; "forecast" pulls towards the first. */
    private static final TrainedModel.Head HEAD = new TrainedModel.Head(
            "task_kind",
            List.of("forecasting", "regression"),
            1.0,
            1.0,
            2,
            Map.of("forecast", 0, "how much", 1),
            new float[][] {{0.5f, 0f, 2f, 0f}, {0f, 0.5f, 0f, 2f}},
            new float[] {0f, 0f});

    @Test
    void terms_are_the_words_and_each_pair_of_neighbours() {
        assertThat(TrainedModel.terms("forecast how much, next week"))
                .containsExactly(
                        "forecast",
                        "how",
                        "much",
                        "next",
                        "week",
                        "forecast how",
                        "how much",
                        "much next",
                        "next week");
    }

    @Test
    void a_term_of_the_vocabulary_moves_the_probability_towards_its_label() {
        double[] withForecast = HEAD.probabilities(new float[] {1, 1}, "forecast sales");
        double[] withHowMuch = HEAD.probabilities(new float[] {1, 1}, "how much will it cost");
        double[] neither = HEAD.probabilities(new float[] {1, 1}, "something else");

        assertThat(withForecast[0]).isGreaterThan(0.8);
        assertThat(withHowMuch[1]).isGreaterThan(0.8);
        assertThat(neither[0]).isCloseTo(0.5, within(1e-9));
        assertThat(withForecast[0] + withForecast[1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void the_resource_format_keeps_labels_vocabulary_and_weights() throws IOException {
        byte[] bytes = TrainedModel.write(List.of(HEAD));
        TrainedModel.Head read = TrainedModel.read(new DataInputStream(new ByteArrayInputStream(bytes)))
                .get("task_kind");

        assertThat(read.labels()).isEqualTo(HEAD.labels());
        assertThat(read.vocabulary()).isEqualTo(HEAD.vocabulary());
        assertThat(read.probabilities(new float[] {0.3f, -0.2f}, "forecast"))
                .containsExactly(HEAD.probabilities(new float[] {0.3f, -0.2f}, "forecast"), within(1e-3));
    }

    @Test
    void the_shipped_model_knows_every_task_kind_and_domain() {
        assertThat(TrainedModel.head(TrainedModel.TASK_KIND).orElseThrow().labels())
                .containsExactlyElementsOf(
                        LabelSet.load(LabelSet.TASK_KINDS, true).ids());
        assertThat(TrainedModel.head(TrainedModel.DOMAIN).orElseThrow().labels())
                .containsExactlyElementsOf(
                        LabelSet.load(LabelSet.DOMAINS, false).ids());
    }

    @Test
    void the_trained_probability_adds_to_a_labels_score_with_its_weight() {
        LabelSet labels = new LabelSet(List.of(
                new LabelSet.Label("forecasting", "Forecasting", "", List.of("Forecast a series."), List.of()),
                new LabelSet.Label("regression", "Estimation", "", List.of("Estimate a number."), List.of())));
        ZeroShotClassifier classifier =
                new ZeroShotClassifier(labels, new Calibration.Classifier(0.1, 0.0, 0.08, 3, 0.5, 0.0, 0.5), HEAD);

        List<ZeroShotClassifier.Score> scores =
                classifier.scores(new Embedding(new float[] {1, 1}), "forecast sales", "", "forecast sales");
        Analysis.Decision d = classifier.decide(scores);

        assertThat(scores.getFirst().label()).isEqualTo("forecasting");
        assertThat(scores.getFirst().similarity()).isCloseTo(0.0, within(1e-12));
        assertThat(scores.getFirst().trained())
                .isCloseTo(0.5 * HEAD.probabilities(new float[] {1, 1}, "forecast sales")[0], within(1e-9));
        assertThat(d.label()).isEqualTo("forecasting");
    }
}
