package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ProjectDraft;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The offline analyzer end to end, on the real model and the shipped catalog. */
class OfflineContextAnalyzerTest {
    private static final OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();

    private static Analysis analyze(String context) {
        return analyzer.analyze(new AnalysisRequest(context, List.of(), TestTemplates.all()));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Segment customers by purchase frequency and basket value to plan seasonal marketing campaigns.  | Customer Segmentation                 | segmentation      | marketing   | customer-segmentation
            Optimise delivery routes for a fleet of vans under time windows and fuel cost.                   | Delivery Route Optimization           | optimization      | logistics   | delivery-route-optimization
            Detect fraudulent card transactions in real time from merchant, amount and device signals.       | Card Transaction Fraud Detection      | classification    | finance     | card-fraud-detection
            Predict crop yield per field from satellite imagery and weather.                                  | Crop Yield Prediction                 | regression        | agriculture | crop-yield-prediction
            Detect anomalies in daily revenue across 300 stores and alert finance.                            | Daily Revenue Anomaly Detection       | anomaly_detection | retail      | revenue-anomaly-detection
            Recommend products to shoppers based on their browsing history and similar customers' purchases. | Product Recommendations               | recommendation    | retail      | product-recommendation
            """)
    void everyday_contexts_get_the_draft_a_colleague_would_write(
            String context, String name, String taskKind, String domain, String template) {
        Analysis analysis = analyze(context);
        ProjectDraft draft = analysis.draft();

        assertThat(draft.name()).isEqualTo(name);
        assertThat(draft.type()).isEqualTo(taskKind);
        assertThat(draft.domain()).isEqualTo(domain);
        assertThat(draft.templateId()).isEqualTo(template);
        assertThat(draft.params()).isNotEmpty();
        assertThat(analysis.taskKind().label()).isEqualTo(taskKind);
        assertThat(analysis.taskKind().score())
                .isGreaterThan(analysis.taskKind().runnerUpScore());
        assertThat(analysis.domain().label()).isEqualTo(domain);
        assertThat(analysis.template().label()).isEqualTo(template);
        assertThat(analysis.provider()).isEqualTo("offline");
        assertThat(analysis.model()).isEqualTo("all-MiniLM-L6-v2-q");
        assertThat(draft.tags()).contains(domain, taskKind.replace('_', '-')).hasSizeLessThanOrEqualTo(6);
        assertThat(draft.description()).isNotBlank().hasSizeLessThanOrEqualTo(600);
    }

    @Test
    void a_segmentation_never_gets_another_problems_template_or_its_target() {
        ProjectDraft draft = analyze(
                        "Segment customers by purchase frequency and basket value to plan seasonal marketing campaigns.")
                .draft();

        assertThat(draft.params()).doesNotContainKey("target");
        assertThat(draft.templateId()).isNotEqualTo("customer-churn-prediction");
    }

    @Test
    void when_no_template_fits_none_is_attached_params_stay_empty_and_the_best_candidate_is_named() {
        Analysis analysis =
                analyze("Forecast the number of visitors per day at our city museums for the next quarter.");

        assertThat(analysis.draft().type()).isEqualTo("forecasting");
        assertThat(analysis.draft().templateId()).isNull();
        assertThat(analysis.draft().params()).isEmpty();
        assertThat(analysis.template().label()).isNull();
        assertThat(analysis.template().runnerUp()).isNotNull();
    }

    @Test
    void a_context_that_does_not_say_what_to_do_is_general_with_no_template() {
        Analysis analysis = analyze("Our team meets on Tuesdays and we like coffee.");

        assertThat(analysis.draft().type()).isEqualTo("general");
        assertThat(analysis.taskKind().label()).isEqualTo("general");
        assertThat(analysis.taskKind().score()).isNull();
        assertThat(analysis.taskKind().runnerUp()).isNotNull();
        assertThat(analysis.draft().templateId()).isNull();
        assertThat(analysis.draft().name().split(" ")).hasSizeBetween(2, 5);
    }

    @Test
    void reads_the_documents_when_there_is_no_context() {
        String csv = "ticket_id,queue,urgency,complaint\n1,billing,high,charged twice for my support plan\n";
        String pdf = "Helpdesk quarterly review. Ticket backlog grew and agents missed the SLA on urgent complaints. "
                + "We want incoming tickets routed to the right queue automatically.";
        AnalysisRequest request = new AnalysisRequest(
                "",
                List.of(
                        new AnalysisRequest.NamedText("tickets.csv", "text/csv", csv),
                        new AnalysisRequest.NamedText("review.pdf", "application/pdf", pdf)),
                TestTemplates.all());

        ProjectDraft draft = analyzer.analyze(request).draft();

        assertThat(draft.domain()).isEqualTo("customer-support");
        assertThat(draft.name()).isNotEqualTo(ProjectNamer.UNTITLED);
        assertThat(draft.description()).isNotBlank();
    }

    @Test
    void a_description_never_quotes_table_rows() {
        String csv = "customer_id,segment,lifetime_value\n1,gold,1200\n2,silver,300\n";
        ProjectDraft draft = analyzer.analyze(new AnalysisRequest(
                        "Analyze customer purchase patterns and identify high-value segments for targeted marketing campaigns",
                        List.of(new AnalysisRequest.NamedText("customer_data.csv", "text/csv", csv)),
                        TestTemplates.all()))
                .draft();

        assertThat(draft.description()).startsWith("Analyze customer purchase patterns");
        assertThat(draft.description()).doesNotContain("lifetime_value").doesNotContain("gold,1200");
    }

    @Test
    void a_fallback_says_so_and_why() {
        Analysis analysis = analyzer.fallback(
                new AnalysisRequest("Forecast electricity load for the grid", List.of(), TestTemplates.all()),
                "provider timed out");

        assertThat(analysis.fallback()).isTrue();
        assertThat(analysis.reason()).isEqualTo("provider timed out");
        assertThat(analysis.draft().domain()).isEqualTo("energy");
        assertThat(analysis.draft().type()).isEqualTo("forecasting");
    }

    @Test
    void without_a_catalog_the_draft_is_classified_but_has_no_template() {
        ProjectDraft draft = analyzer.analyze(new AnalysisRequest(
                        "Forecast hourly electricity demand for our grid region 48 hours ahead.", List.of(), List.of()))
                .draft();

        assertThat(draft.type()).isEqualTo("forecasting");
        assertThat(draft.domain()).isEqualTo("energy");
        assertThat(draft.templateId()).isNull();
        assertThat(draft.params()).isEmpty();
    }

    @Test
    void nothing_to_read_is_an_untitled_general_draft() {
        ProjectDraft draft = analyzer.analyze(new AnalysisRequest("  ", List.of(), TestTemplates.all()))
                .draft();

        assertThat(draft.name()).isEqualTo(ProjectNamer.UNTITLED);
        assertThat(draft.type()).isEqualTo("general");
        assertThat(draft.domain()).isEqualTo("general");
    }
}
