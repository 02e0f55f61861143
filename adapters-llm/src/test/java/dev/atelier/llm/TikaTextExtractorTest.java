package dev.atelier.llm;

import static dev.atelier.llm.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import dev.atelier.domain.model.ExtractedDocument;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TikaTextExtractorTest {
    private static final TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());

    @Test
    void builds_tikas_configuration_on_the_first_extraction_not_with_the_extractor() {
        // the port is built by the first health check during start-up: building it must not load Tika
        TikaTextExtractor fresh = new TikaTextExtractor(ExtractionLimits.defaults());
        assertThat(fresh.tikaBuilt()).isFalse();

        ExtractedDocument doc = fresh.extract("plan.docx", Fixtures.docx("Supplier lead times", "Stock by site"));

        assertThat(doc.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(doc.text()).contains("Supplier lead times").contains("Stock by site");
        assertThat(fresh.tikaBuilt()).isTrue();
    }

    @Test
    void reads_a_pdf_with_pdfbox_and_counts_its_pages() {
        byte[] pdf = Fixtures.pdf(List.of("Quarterly marketing report", "Segment revenue grew by 12 percent"));

        ExtractedDocument doc = extractor.extract("marketing_report.pdf", pdf);

        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.pages()).isEqualTo(2);
        assertThat(doc.text()).contains("Quarterly marketing report").contains("Segment revenue grew");
        assertThat(doc.truncated()).isFalse();
        assertThat(doc.tabular()).isFalse();
    }

    @Test
    void detects_the_type_from_the_content_not_the_name() {
        byte[] pdf = Fixtures.pdf(List.of("Hidden in a text-named file"));

        ExtractedDocument doc = extractor.extract("notes.txt", pdf);

        assertThat(doc.mediaType()).isEqualTo("application/pdf");
        assertThat(doc.text()).contains("Hidden in a text-named file");
    }

    @Test
    void reads_only_the_first_pages_of_a_pdf_over_the_page_limit() {
        TikaTextExtractor twoPages = new TikaTextExtractor(limits(25_000_000, 1_000_000, 2));
        byte[] pdf = Fixtures.pdf(List.of("first page", "second page", "third page"));

        ExtractedDocument doc = twoPages.extract("long.pdf", pdf);

        assertThat(doc.pages()).isEqualTo(3);
        assertThat(doc.text()).contains("second page").doesNotContain("third page");
        assertThat(doc.truncated()).isTrue();
    }

    @Test
    void an_encrypted_pdf_is_unreadable_and_says_encrypted() {
        byte[] pdf = Fixtures.encryptedPdf("Top secret figures");

        assertThatThrownBy(() -> extractor.extract("secret.pdf", pdf))
                .isInstanceOf(UnreadableContentException.class)
                .hasMessageContaining("secret.pdf")
                .hasMessageContaining("encrypted");
    }

    @Test
    void a_corrupt_pdf_is_unreadable() {
        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);
        byte[] header = utf8("%PDF-1.7\n");
        System.arraycopy(header, 0, garbage, 0, header.length);

        assertThatThrownBy(() -> extractor.extract("broken.pdf", garbage))
                .isInstanceOf(UnreadableContentException.class)
                .hasMessageContaining("broken.pdf")
                .hasMessageNotContaining("/tmp");
    }

    @Test
    void reads_a_docx_written_by_poi() {
        byte[] docx = Fixtures.docx("Supplier lead times", "Inventory levels by warehouse");

        ExtractedDocument doc = extractor.extract("plan.docx", docx);

        assertThat(doc.mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(doc.text()).contains("Supplier lead times").contains("Inventory levels by warehouse");
    }

    @Test
    void counts_csv_data_rows_without_the_header_and_its_columns() {
        String csv = "customer_id,segment,lifetime_value\n1,gold,\"1,200.50\"\n2,silver,300\n\n3,bronze,40\n";

        ExtractedDocument doc = extractor.extract("customer_data.csv", utf8(csv));

        assertThat(doc.mediaType()).isEqualTo("text/csv");
        assertThat(doc.rows()).isEqualTo(3);
        assertThat(doc.columns()).isEqualTo(3);
        assertThat(doc.tabular()).isTrue();
        assertThat(doc.text()).contains("lifetime_value");
    }

    @Test
    void counts_spreadsheet_rows_and_columns() {
        byte[] xlsx = Fixtures.xlsx(List.of(
                List.of("customer", "segment", "orders", "value"),
                List.of("ada", "gold", 42, 1200.5),
                List.of("bob", "silver", 17, 310),
                List.of("cy", "bronze", 3, 45.9)));

        ExtractedDocument doc = extractor.extract("customers.xlsx", xlsx);

        assertThat(doc.mediaType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(doc.rows()).isEqualTo(3);
        assertThat(doc.columns()).isEqualTo(4);
        assertThat(doc.tabular()).isTrue();
        assertThat(doc.text()).contains("segment").contains("silver");
    }

    @Test
    void counts_tsv_rows_and_columns() {
        String tsv = "sensor\treading\tunit\tsite\nA1\t3.2\tbar\tnorth\nA2\t3.4\tbar\tsouth\n";

        ExtractedDocument doc = extractor.extract("readings.tsv", utf8(tsv));

        assertThat(doc.mediaType()).isEqualTo("text/tab-separated-values");
        assertThat(doc.rows()).isEqualTo(2);
        assertThat(doc.columns()).isEqualTo(4);
    }

    @Test
    void reads_plain_text_and_truncates_at_the_character_limit() {
        TikaTextExtractor small = new TikaTextExtractor(limits(25_000_000, 1000, 10));
        String text = "Shift handover notes for the night crew. ".repeat(200);

        ExtractedDocument doc = small.extract("notes.txt", utf8(text));

        assertThat(doc.mediaType()).isEqualTo("text/plain");
        assertThat(doc.text()).hasSizeLessThanOrEqualTo(1000).startsWith("Shift handover notes");
        assertThat(doc.truncated()).isTrue();
    }

    @Test
    void an_image_yields_its_metadata_only() {
        ExtractedDocument doc = extractor.extract("photo.png", Fixtures.png(64, 48));

        assertThat(doc.mediaType()).isEqualTo("image/png");
        assertThat(doc.text()).contains("64 x 48");
    }

    @Test
    void refuses_a_file_over_the_byte_limit() {
        TikaTextExtractor tiny = new TikaTextExtractor(limits(1000, 1000, 10));

        assertThatThrownBy(() -> tiny.extract("big.txt", utf8("x".repeat(1001))))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("big.txt");
    }

    @Test
    void refuses_bytes_of_no_known_type() {
        byte[] noise = new byte[2048];
        new Random(3).nextBytes(noise);
        noise[0] = 0x00;
        noise[1] = (byte) 0xff;

        assertThatThrownBy(() -> extractor.extract("blob.csv", noise))
                .isInstanceOf(UnsupportedContentException.class)
                .hasMessageContaining("blob.csv");
    }

    @Test
    void stops_a_nested_zip_bomb() {
        byte[] bomb = Fixtures.nestedZipBomb(6, 20);
        assertThat(bomb.length).isLessThan(1_000_000);

        assertThatThrownBy(() -> extractor.extract("archive.zip", bomb))
                .isInstanceOf(UnreadableContentException.class)
                .hasMessageContaining("archive.zip")
                .hasMessageContaining("bomb");
    }

    @Test
    void reads_no_more_than_the_character_limit_out_of_a_flat_highly_compressed_archive() {
        byte[] bomb = Fixtures.nestedZipBomb(1, 30);
        assertThat(bomb.length).isLessThan(1_000_000);

        ExtractedDocument doc = extractor.extract("flat.zip", bomb);

        assertThat(doc.mediaType()).isEqualTo("application/zip");
        assertThat(doc.text().length()).isLessThanOrEqualTo(ExtractionLimits.DEFAULT_MAX_CHARACTERS);
        assertThat(doc.truncated()).isTrue();
    }

    @Test
    void never_resolves_external_entities(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-TOKEN-4711");
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String xml = "<?xml version=\"1.0\"?>\n"
                    + "<!DOCTYPE doc [\n"
                    + "  <!ENTITY file SYSTEM \"" + secret.toUri() + "\">\n"
                    + "  <!ENTITY remote SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/x.dtd\">\n"
                    + "  <!ENTITY % param SYSTEM \"http://127.0.0.1:" + listener.getLocalPort() + "/p.dtd\">\n"
                    + "  %param;\n"
                    + "]>\n"
                    + "<doc><title>Visible title</title><a>&file;</a><b>&remote;</b></doc>\n";

            try {
                ExtractedDocument doc = extractor.extract("data.xml", utf8(xml));
                assertThat(doc.text()).doesNotContain("TOP-SECRET-TOKEN-4711");
            } catch (UnreadableContentException refused) {
                assertThat(refused.getMessage()).doesNotContain("TOP-SECRET-TOKEN-4711");
            }

            listener.setSoTimeout(300);
            boolean connected;
            try (Socket ignored = listener.accept()) {
                connected = true;
            } catch (SocketTimeoutException none) {
                connected = false;
            }
            assertThat(connected)
                    .as("a parser connected to the loopback entity URL")
                    .isFalse();
        }
    }

    private static ExtractionLimits limits(long bytes, int chars, int pages) {
        return new ExtractionLimits(bytes, chars, pages, Duration.ofSeconds(30), 1024 * 1024, false);
    }
}
