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
            Parse incoming CVs into structured profiles.                      | Extraction        | CV Parsing
            Forecast mobile data traffic per cell.                            | Forecasting       | Mobile Data Traffic Forecasting
            """)
    void the_object_of_the_work_comes_first_and_the_task_noun_last(String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Our engineers keep leaving after 18 months.     | Prediction
            Help.                                           | Analysis
            """)
    void without_a_task_word_the_best_key_phrase_and_the_task_kinds_noun_make_the_name(String statement, String noun) {
        String name = namer.name(statement, noun, List.of("hotel bookings", "months"), Set.of());

        assertThat(name).isEqualTo("Hotel Booking " + noun);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Which hotel bookings will be cancelled?                                 | Prediction | Hotel Booking Cancellation Prediction
            Which tenants are likely to move out before the lease ends?             | Prediction | Tenant Move-Out Prediction
            Predict which trial users will convert to a paid plan.                  | Prediction | Trial User Conversion Prediction
            Flag the apprentices at risk of dropping out of the programme.          | Prediction | Apprentice Dropout Prediction
            Which branches should auditors visit first? Rank branches by risk.     | Ranking    | Branch Ranking
            """)
    void a_question_about_who_will_do_something_names_the_subject_and_the_event(
            String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Fleet utilisation: estimate the idle hours of each truck.                     | Estimation        | Fleet Utilisation Estimation
            Detect fraudulent insurance claims at first notice.                           | Detection         | Insurance Claim Fraud Detection
            Find unusual meter readings in the substation logs.                           | Anomaly Detection | Meter Reading Anomaly Detection
            Spot pallets that look odd on the dock cameras.                               | Anomaly Detection | Pallet Anomaly Detection
            Summarise recorded board meetings for the shareholders.                       | Summarization     | Board Meeting Summarization
            Classify the messages of the service team by topic.                           | Classification    | Message Classification
            Estimate how long a repair job will take from the fault description.          | Estimation        | Repair Job Duration Estimation
            How many parcels will the hub receive on Monday?                              | Forecasting       | Parcel Forecasting
            Capture totals, dates and tax numbers on the purchase orders we receive.      | Extraction        | Purchase Order Extraction
            """)
    void the_object_is_cleaned_of_states_conditions_people_and_containers(
            String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Predict pass rates using grades, attendance and homework.           | Prediction  | Pass Rate Prediction
            Build shift rosters for the warehouse pickers.                      | Scheduling  | Shift Scheduling
            Our monthly plans never match; forecast demand per site and day.    | Forecasting | Demand Forecasting
            """)
    void a_word_that_is_a_noun_as_often_as_a_verb_states_the_task_only_where_a_verb_stands(
            String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void mixed_case_words_keep_their_case_and_capitalised_headings_are_not_acronyms() {
        assertThat(name("Predict which patients are at risk of an HbA1c above 9.", "Prediction"))
                .isEqualTo("Patient HbA1c Prediction");
        assertThat(acronymsOf("SERVICE AGREEMENT between the parties; the SLA applies."))
                .containsExactly("sla");
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

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Credit memos are 30 pages each; the committee wants a 1-page summary.      | Summarization      | Credit Memo Summarization
            Pen-test reports are huge. We need an executive summary for the board.     | Summarization      | Pen-Test Report Summarization
            Shoppers ask things like 'is this pan dishwasher safe?' - answer from the product manuals. | Question Answering | Product Manual Question Answering
            Let staff ask the HR handbook how many days of parental leave they get.    | Question Answering | HR Handbook Question Answering
            Summarize our carrier rate negotiation meetings (call recordings).         | Summarization      | Rate Negotiation Meeting Summarization
            """)
    void a_summary_or_an_answer_names_the_document_it_reads_unless_a_verb_names_what_is_summarised(
            String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            call volume per 30-min interval for the next 6 weeks for WFM scheduling    | Forecasting | Call Volume Forecasting
            ATM withdrawals per machine per day so the cash team can schedule refills  | Forecasting | ATM Withdrawal Forecasting
            """)
    void a_task_word_in_a_clause_of_purpose_is_not_the_task_the_opening_phrase_is_the_object(
            String statement, String kindNoun, String expected) {
        assertThat(name(statement, kindNoun)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Predict every 4 hours.                     | Prediction
            Estimate how many years it will take.      | Estimation
            Summarise thousands of them.               | Summarization
            Predict yes or no.                         | Prediction
            """)
    void units_of_time_and_counts_alone_are_no_object(String statement, String kindNoun) {
        String name = namer.name(statement, kindNoun, List.of("hotel bookings"), Set.of());

        assertThat(name).isEqualTo("Hotel Booking " + kindNoun);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            they're
            we've
            don't
            it'll
            """)
    void contractions_are_no_content_words_so_never_part_of_a_name(String word) {
        assertThat(KeyPhrases.isContent(word)).isFalse();
        assertThat(namer.name(
                        "Answer whether " + word + " eligible.",
                        "Question Answering",
                        List.of("benefit guidance"),
                        Set.of()))
                .isEqualTo("Benefit Guidance Question Answering");
    }
}
