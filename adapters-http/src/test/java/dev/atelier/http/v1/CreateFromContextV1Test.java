package dev.atelier.http.v1;

import static dev.atelier.http.v1.V1Assertions.error;
import static dev.atelier.http.v1.V1Assertions.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** create-from-context as the API reference's curl example calls it (multipart: context, scope, files). */
class CreateFromContextV1Test {
    private static final String CONTEXT =
            "Analyze customer purchase patterns and identify high-value segments" + " for targeted marketing campaigns";
    private static final String CSV =
            "customer_id,segment,orders,lifetime_value\n" + "1,gold,42,1200.50\n2,silver,17,310.00\n3,bronze,3,45.90\n";
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice", "acme-" + UUID.randomUUID());

    private record Part(String name, String filename, byte[] bytes) {}

    private Reply postForm(String path, List<Part> parts) {
        String boundary = "----atelier" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(p.name())
                    .append('"');
            if (p.filename() != null) {
                head.append("; filename=\"").append(p.filename()).append("\"\r\n");
                head.append("Content-Type: application/octet-stream");
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(p.bytes());
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.send(server.request(path, alice.token())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    private static Part field(String name, String value) {
        return new Part(name, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] pdf(String text, boolean encrypted) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.beginText();
                s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
                s.newLineAtOffset(50, 740);
                s.showText(text);
                s.endText();
            }
            if (encrypted) {
                doc.protect(new StandardProtectionPolicy("owner", "user", new AccessPermission()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private int projectCount() {
        return success(server.get("/api/v1/projects/workspace_id/list?scopes=user", alice.token()))
                .size();
    }

    @Test
    void the_seed_example_creates_a_named_project_with_its_documents() throws IOException {
        byte[] report =
                pdf("Marketing report: seasonal campaigns lifted repeat purchases among gold customers.", false);

        Reply reply = postForm(
                "/api/v1/projects/workspace_id/create-from-context",
                List.of(
                        field("context", CONTEXT),
                        field("scope", "user"),
                        new Part("files", "customer_data.csv", CSV.getBytes(StandardCharsets.UTF_8)),
                        new Part("files", "marketing_report.pdf", report)));

        JsonNode data = success(reply);
        assertThat(data.path("id").asText()).isNotBlank();
        String name = data.path("name").asText();
        assertThat(name.split(" ")).hasSizeBetween(2, 6);
        assertThat(CONTEXT.toLowerCase()).doesNotStartWith(name.toLowerCase());
        assertThat(data.path("description").asText()).isNotBlank();
        assertThat(data.path("scope").asText()).isEqualTo("user");
        assertThat(data.path("metadata").path("domain").asText()).isEqualTo("marketing");
        assertThat(data.path("metadata").path("tags").isArray()).isTrue();

        JsonNode docs = data.path("documents");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).path("filename").asText()).isEqualTo("customer_data.csv");
        assertThat(docs.get(0).path("media_type").asText()).isEqualTo("text/csv");
        assertThat(docs.get(0).path("rows").asInt()).isEqualTo(3);
        assertThat(docs.get(0).path("columns").asInt()).isEqualTo(4);
        assertThat(docs.get(0).path("sha256").asText()).hasSize(64);
        assertThat(docs.get(0).path("size_bytes").asLong()).isEqualTo(CSV.length());
        assertThat(docs.get(1).path("media_type").asText()).isEqualTo("application/pdf");
        assertThat(docs.get(1).path("pages").asInt()).isEqualTo(1);
        assertThat(docs.get(1).path("truncated").asBoolean()).isFalse();

        JsonNode analysis = data.path("analysis");
        assertThat(analysis.path("provider").asText()).isEqualTo("offline");
        assertThat(analysis.path("fallback").asBoolean()).isFalse();
        assertThat(analysis.path("task_kind").path("label").asText())
                .isEqualTo(data.path("type").asText());
        assertThat(analysis.path("domain").path("label").asText()).isEqualTo("marketing");
        assertThat(analysis.path("domain").path("score").isNumber()).isTrue();
        assertThat(analysis.has("template")).isTrue();

        JsonNode loaded = success(server.get(
                "/api/v1/projects/workspace_id/load?project_id="
                        + data.path("id").asText() + "&scope=user",
                alice.token()));
        assertThat(loaded.path("name").asText()).isEqualTo(name);
    }

    @Test
    void an_encrypted_pdf_is_422_and_nothing_is_saved() throws IOException {
        int before = projectCount();

        Reply reply = postForm(
                "/api/v1/projects/create-from-context",
                List.of(
                        field("context", CONTEXT),
                        new Part("files", "customer_data.csv", CSV.getBytes(StandardCharsets.UTF_8)),
                        new Part("files", "locked.pdf", pdf("secret", true))));

        String message = error(reply, 422);
        assertThat(message).contains("locked.pdf").contains("encrypted");
        assertThat(projectCount()).isEqualTo(before);
    }

    @Test
    void neither_context_nor_files_is_400() {
        Reply reply = postForm("/api/v1/projects/create-from-context", List.of(field("scope", "user")));

        assertThat(error(reply, 400)).contains("context");
    }
}
