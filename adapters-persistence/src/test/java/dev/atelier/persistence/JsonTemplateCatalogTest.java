package dev.atelier.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Template;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JsonTemplateCatalogTest {
    private final JsonTemplateCatalog catalog = new JsonTemplateCatalog();

    @Test
    void the_catalog_covers_the_common_task_kinds_across_at_least_fifteen_domains() {
        List<Template> all = catalog.all();

        assertThat(all).hasSizeGreaterThanOrEqualTo(25);
        Set<String> categories = all.stream().map(Template::category).collect(Collectors.toSet());
        assertThat(categories)
                .contains(
                        "finance",
                        "insurance",
                        "retail",
                        "marketing",
                        "healthcare",
                        "manufacturing",
                        "energy",
                        "logistics",
                        "agriculture",
                        "people",
                        "security",
                        "customer-support",
                        "legal",
                        "hospitality",
                        "media",
                        "public-sector",
                        "education",
                        "real-estate");
        Set<String> kinds = all.stream().map(t -> t.blueprint().type()).collect(Collectors.toSet());
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "classification",
                        "regression",
                        "forecasting",
                        "segmentation",
                        "recommendation",
                        "anomaly_detection",
                        "optimization",
                        "information_extraction",
                        "text_classification",
                        "summarization",
                        "question_answering",
                        "object_detection");
    }

    @Test
    void every_template_is_complete_and_has_a_unique_kebab_case_id() {
        List<Template> all = catalog.all();

        assertThat(all)
                .extracting(Template::id)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        for (Template t : all) {
            assertThat(t.name()).as(t.id()).isNotBlank();
            assertThat(t.description().split("(?<=\\.)\\s+")).as(t.id()).hasSize(2);
            assertThat(t.keywords()).as(t.id()).hasSizeBetween(8, 15).doesNotHaveDuplicates();
            assertThat(t.blueprint().description()).as(t.id()).isNotBlank();
            assertThat(t.blueprint().type()).as(t.id()).isNotBlank();
            assertThat(t.blueprint().params()).as(t.id()).isNotEmpty();
            assertThat(t.blueprint().metadata()).as(t.id()).containsKey("domain");
        }
    }

    @Test
    void templates_are_found_by_id_and_keep_catalog_order() {
        assertThat(catalog.find("predictive-maintenance"))
                .hasValueSatisfying(t -> assertThat(t.keywords()).contains("sensor"));
        assertThat(catalog.find("no-such-template")).isEmpty();
        assertThat(catalog.all().get(0).id()).isEqualTo("credit-risk-scoring");
        assertThat(catalog.all()).isSameAs(catalog.all());
    }
}
