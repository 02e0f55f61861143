package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Template;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A template is attached only when it clearly fits: its task kind, a threshold, a margin. */
class TemplateMatcherTest {
    private static final String CONTEXT =
            "Optimise delivery routes for a fleet of vans under time windows and fuel cost.";
    private static final Calibration.Matching SHIPPED = Calibration.load().template();

    private static TemplateMatcher.Match match(
            Calibration.Matching calibration, String taskKind, List<Template> catalog) {
        return new TemplateMatcher(calibration)
                .match(
                        catalog,
                        taskKind,
                        "logistics",
                        MiniLmEmbeddings.embed(CONTEXT),
                        CONTEXT.toLowerCase(Locale.ROOT));
    }

    @Test
    void the_fitting_template_of_the_same_task_kind_is_attached_with_its_runner_up() {
        TemplateMatcher.Match m = match(SHIPPED, "optimization", TestTemplates.all());

        assertThat(m.template()).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("delivery-route-optimization"));
        assertThat(m.decision().score()).isGreaterThanOrEqualTo(SHIPPED.threshold());
        assertThat(m.decision().score() - m.decision().runnerUpScore()).isGreaterThanOrEqualTo(SHIPPED.margin());
    }

    @Test
    void a_template_of_another_task_kind_is_never_a_candidate() {
        TemplateMatcher.Match m = match(SHIPPED, "forecasting", TestTemplates.all());

        assertThat(m.template()).isEmpty();
        assertThat(m.decision().runnerUp()).isNotEqualTo("delivery-route-optimization");
    }

    @Test
    void below_the_threshold_nothing_is_attached_but_the_best_candidate_is_reported() {
        Calibration.Matching strict = new Calibration.Matching(5.0, 0.04, 0.03, 5, 0.05, 0, -0.12);

        TemplateMatcher.Match m = match(strict, "optimization", TestTemplates.all());

        assertThat(m.template()).isEmpty();
        assertThat(m.decision().label()).isNull();
        assertThat(m.decision().runnerUp()).isEqualTo("delivery-route-optimization");
    }

    @Test
    void two_templates_too_close_to_call_attach_neither() {
        Template route = TestTemplates.all().stream()
                .filter(t -> t.id().equals("delivery-route-optimization"))
                .findFirst()
                .orElseThrow();
        Template twin = new Template(
                "route-planning-twin",
                route.name(),
                route.description(),
                route.category(),
                route.keywords(),
                route.blueprint());

        TemplateMatcher.Match m = match(SHIPPED, "optimization", List.of(route, twin));

        assertThat(m.template()).isEmpty();
    }
}
