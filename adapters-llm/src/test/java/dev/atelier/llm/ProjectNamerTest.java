package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The naming rules, without the model: object of the work + task noun. */
class ProjectNamerTest {
    private static final ProjectNamer namer = new ProjectNamer();

    private static String name(String statement, String kindNoun) {
        return namer.name(statement, kindNoun, List.of("key phrase"), acronymsOf(statement));
    }

    private static Set<String> acronymsOf(String text) {
        return RequestText.of(new dev.atelier.domain.model.AnalysisRequest(text, List.of(), List.of()))
                .acronyms();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Segment customers by purchase frequency.                          | Segmentation      | Customer Segmentation
            Optimise delivery routes for a fleet of vans.                     | Optimization      | Delivery Route Optimization
            Estimate the expected cost of each new motor insurance claim.     | Estimation        | Insurance Claim Cost Estimation
            Detect anomalies in daily revenue across 300 stores.              | Anomaly Detection | Daily Revenue Anomaly Detection
            Cash forecast: project the daily cash position.                   | Forecasting       | Cash Forecasting
            Extract names, dates and amounts from our supplier invoices.      | Extraction        | Supplier Invoice Extraction
            Extract the fields of scanned building permit applications.       | Extraction        | Building Permit Application Extraction
            Forecast weekly sales per SKU and store.                          | Forecasting       | Weekly Sales Forecasting
            Parse incoming CVs into structured profiles.                      | Extraction        | Incoming CV Parsing
            Forecast mobile data traffic per cell.                            | Forecasting       | Mobile Data Traffic Forecasting
            """)
    void the_object_of_the_work_comes_first_and_the_task_noun_last(String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Which hotel bookings will be cancelled?         | Prediction
            Our engineers keep leaving after 18 months.     | Prediction
            Help.                                           | Analysis
            """)
    void without_a_task_word_the_best_key_phrase_and_the_task_kinds_noun_make_the_name(String statement, String noun) {
        String name = namer.name(statement, noun, List.of("hotel bookings", "months"), Set.of());

        assertThat(name).isEqualTo("Hotel Booking " + noun);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Predict crop yield per field from satellite imagery.
            Detect fraudulent card transactions in real time.
            Recommend products to shoppers.
            Summarise earnings call transcripts for the research team.
            """)
    void a_name_is_two_to_five_title_case_words_and_never_the_start_of_the_context(String statement) {
        String name = name(statement, "Prediction");

        assertThat(name.split(" ")).hasSizeBetween(2, 5).allMatch(w -> Character.isUpperCase(w.charAt(0)));
        assertThat(statement.toLowerCase()).doesNotStartWith(name.toLowerCase());
    }
}
