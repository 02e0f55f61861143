package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ProjectDraft;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineContextAnalyzerTest {
    private static final OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();

    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Analyze customer purchase patterns and identify high-value segments for targeted marketing campaigns. Focus on seasonal trends and customer lifetime value calculations. | marketing
            We lend to small businesses and need to estimate the probability that a borrower defaults on a loan within a year, using bureau data and repayment history. | finance
            Forecast weekly demand per SKU across our warehouses so replenishment orders keep inventory low without stockouts during seasonal peaks. | operations
            Vibration and temperature sensors on our CNC machines should warn us before equipment failure causes unplanned downtime on the factory floor. | manufacturing
            Predict which patients are likely to be readmitted to the hospital within 30 days of discharge, based on diagnosis codes and clinical notes. | healthcare
            Our engineers keep resigning. Study employee turnover, engagement survey results and salary bands to understand attrition in the workforce. | people
            Detect suspicious login attempts, malware beacons and anomalous network traffic in firewall logs to catch intrusions early. | security
            Route incoming helpdesk tickets to the right support queue and flag urgent complaints before the SLA is breached. | customer-support
            Forecast hourly electricity consumption on the regional grid using weather data and smart meter readings, including rooftop solar output. | energy
            Find out which subscribers are about to cancel their streaming subscription so the retention team can offer them a loyalty discount. | marketing
            Credit card transactions: flag fraudulent payments and compute exposure of the bank's loan book to rising interest rates. | finance
            Track machine downtime and schedule maintenance for the packaging line before bearings wear out. | manufacturing
            """)
    void names_short_meaningful_projects_in_the_right_domain(String context, String domain) {
        Analysis analysis = analyzer.analyze(new AnalysisRequest(context, List.of(), TestTemplates.all()));
        ProjectDraft draft = analysis.draft();

        assertThat(analysis.provider()).isEqualTo("offline");
        assertThat(analysis.fallback()).isFalse();
        assertThat(draft.domain()).isEqualTo(domain);
        assertThat(draft.templateId()).isNotNull();
        assertThat(draft.name().split(" ")).hasSizeBetween(2, 5);
        assertThat(draft.name()).matches("\\p{Lu}.*");
        assertThat(context.toLowerCase(Locale.ROOT))
                .doesNotStartWith(draft.name().toLowerCase(Locale.ROOT));
        String[] nameWords = draft.name().toLowerCase(Locale.ROOT).split("[ -]");
        assertThat(nameWords)
                .anySatisfy(w -> assertThat(context.toLowerCase(Locale.ROOT)).contains(w));
        assertThat(draft.description()).isNotBlank().hasSizeLessThanOrEqualTo(600);
        assertThat(draft.tags()).isNotEmpty().contains(domain).hasSizeLessThanOrEqualTo(6);
        System.out.println(domain + " -> " + draft.name() + " | " + draft.tags() + " | " + draft.description());
    }

    @Test
    void reads_the_documents_when_there_is_no_context() {
        String csv = "ticket_id,queue,urgency,complaint\n1,billing,high,charged twice for my support plan\n";
        String pdf = "Helpdesk quarterly review. Ticket backlog grew and agents missed the SLA on urgent complaints.";
        AnalysisRequest request = new AnalysisRequest(
                "",
                List.of(
                        new AnalysisRequest.NamedText("tickets.csv", "text/csv", csv),
                        new AnalysisRequest.NamedText("review.pdf", "application/pdf", pdf)),
                TestTemplates.all());

        ProjectDraft draft = analyzer.analyze(request).draft();

        assertThat(draft.domain()).isEqualTo("customer-support");
        assertThat(draft.name()).isNotEqualTo("Untitled Project");
        assertThat(draft.description()).isNotBlank();
    }

    @Test
    void a_fallback_says_so_and_why() {
        Analysis analysis = analyzer.fallback(
                new AnalysisRequest("Forecast electricity load for the grid", List.of(), TestTemplates.all()),
                "provider timed out");

        assertThat(analysis.fallback()).isTrue();
        assertThat(analysis.reason()).isEqualTo("provider timed out");
        assertThat(analysis.draft().domain()).isEqualTo("energy");
    }

    @Test
    void without_a_catalog_the_domain_is_general() {
        ProjectDraft draft = analyzer.analyze(new AnalysisRequest(
                        "Plan the company summer party and the catering budget", List.of(), List.of()))
                .draft();

        assertThat(draft.domain()).isEqualTo("general");
        assertThat(draft.templateId()).isNull();
        assertThat(draft.name()).isNotBlank();
    }
}
