package dev.atelier.http.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Real files of the kind the create-from-context examples attach ({@code customer_data.csv},
 * {@code marketing_report.pdf}): a customer table and a one-page PDF report.
 */
final class SampleFiles {
    static final String CUSTOMER_DATA_CSV = "customer_id,segment,orders,lifetime_value,last_purchase\n"
            + "1001,gold,42,1200.50,2026-01-12\n"
            + "1002,silver,17,310.00,2025-12-02\n"
            + "1003,bronze,3,45.90,2025-11-20\n"
            + "1004,gold,38,980.10,2026-01-30\n";

    private SampleFiles() {}

    static byte[] customerData() {
        return CUSTOMER_DATA_CSV.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] marketingReport() {
        String[] lines = {
            "Marketing report Q4",
            "Seasonal campaigns lifted repeat purchases among gold customers by 12%.",
            "High-value segments respond to loyalty offers; bronze customers churn after one order.",
        };
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                text.setLeading(16);
                text.newLineAtOffset(50, 740);
                for (String line : lines) {
                    text.showText(line);
                    text.newLine();
                }
                text.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
