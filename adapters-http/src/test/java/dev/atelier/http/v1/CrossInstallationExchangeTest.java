package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.atelier.http.faults.FaultDatabases;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.persistence.PostgresTestDatabase;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A project exported from one installation on H2 imports into another on PostgreSQL intact (params
 * history, members, a binary document, events), in a database of its own on the test server.
 */
class CrossInstallationExchangeTest {
    private static final Set<String> VOLATILE = Set.of(
            "id",
            "project_id",
            "workspace_id",
            "owner_id",
            "user_id",
            "actor_id",
            "created_at",
            "updated_at",
            "timestamp");

    @Test
    void a_project_exported_from_h2_imports_into_postgresql_intact() throws Exception {
        try (PostgresTestDatabase database = PostgresTestDatabase.create();
                AtelierServer pg = AtelierServer.start(FaultDatabases.quiet(database.datasourceProperties()))) {
            AtelierServer h2 = AtelierServer.shared();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String ownerEmail = "mover-" + suffix + "@example.com";
            String colleagueEmail = "colleague-" + suffix + "@example.com";
            String h2Owner = admin(h2, ownerEmail, "Mover");
            String h2ColleagueId = adminUserId(h2, colleagueEmail, "Colleague");
            String pgOwner = admin(pg, ownerEmail, "Mover");
            admin(pg, colleagueEmail, "Colleague");

            // a project on H2 with params history, a member, a binary document and events
            Map<String, Object> project = new LinkedHashMap<>();
            project.put("name", "Cross-installation");
            project.put("description", "moves from H2 to PostgreSQL");
            project.put("metadata", Map.of("nested", Map.of("list", java.util.List.of(1, 2.5, "x", true)), "ü", "ß"));
            Reply saved = h2.post("/api/v1/projects/save", h2Owner, Map.of("project", project));
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            JsonNode seed = h2.post(
                            "/api/v1/projects/export-project",
                            h2Owner,
                            Map.of("project_id", saved.data().path("project_id").asText()))
                    .data();
            ObjectNode enriched = seed.deepCopy();
            String sourceId =
                    enriched.path("tables").path("projects").get(0).path("id").asText();
            ArrayNode params = (ArrayNode) enriched.path("tables").path("project_params");
            for (int v = 1; v <= 2; v++) {
                ObjectNode row = params.addObject();
                row.put("project_id", sourceId);
                row.put("version", v);
                row.putObject("params").put("learning_rate", 0.1 * v).put("epochs", 10 * v);
                row.put("instruction", "step " + v);
                row.put("created_at", "2026-01-0" + v + "T10:00:00Z");
            }
            ObjectNode member = ((ArrayNode) enriched.path("tables").path("project_members")).addObject();
            member.put("project_id", sourceId);
            member.put("user_id", h2ColleagueId);
            member.put("email", colleagueEmail);
            member.put("name", "Colleague");
            member.put("role", "editor");
            member.put("created_at", "2026-01-03T10:00:00Z");
            byte[] bytes = new byte[4096];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + 7);
            }
            ObjectNode doc = ((ArrayNode) enriched.path("tables").path("project_documents")).addObject();
            doc.put("id", "d1");
            doc.put("project_id", sourceId);
            doc.put("filename", "weights.bin");
            doc.put("media_type", "application/octet-stream");
            doc.put("size_bytes", bytes.length);
            doc.put(
                    "sha256",
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            doc.put("text", "");
            doc.put("characters", 0);
            doc.put("truncated", false);
            doc.put("dataset", false);
            doc.put("content_base64", Base64.getEncoder().encodeToString(bytes));
            doc.put("created_at", "2026-01-04T10:00:00Z");
            Reply onH2 = h2.post("/api/v1/projects/import-project", h2Owner, Map.of("export_data", enriched));
            assertThat(onH2.status()).as(onH2.toString()).isEqualTo(200);
            JsonNode fromH2 = h2.post(
                            "/api/v1/projects/export-project",
                            h2Owner,
                            Map.of(
                                    "project_id",
                                    onH2.data().path("new_project_id").asText()))
                    .data();

            Reply onPg = pg.post(
                    "/api/v1/projects/workspace_id/import-project",
                    pgOwner,
                    Map.of("export_data", fromH2, "scope", "user"));
            assertThat(onPg.status()).as(onPg.toString()).isEqualTo(200);
            assertThat(onPg.data().path("summary").path("members_dropped").asInt())
                    .isZero();
            JsonNode fromPg = pg.post(
                            "/api/v1/projects/export-project",
                            pgOwner,
                            Map.of(
                                    "project_id",
                                    onPg.data().path("new_project_id").asText()))
                    .data();

            assertThat(fromPg.path("tables")
                            .path("project_documents")
                            .get(0)
                            .path("content_base64")
                            .asText())
                    .isEqualTo(Base64.getEncoder().encodeToString(bytes));
            assertThat(fromPg.path("tables").path("project_params")).hasSize(3);
            ArrayNode pgEvents = (ArrayNode) fromPg.path("tables").path("project_events");
            assertThat(pgEvents.get(pgEvents.size() - 1).path("type").asText()).isEqualTo("imported");
            pgEvents.remove(pgEvents.size() - 1);
            assertThat(content(fromPg)).isEqualTo(content(fromH2));
        }
    }

    private static JsonNode content(JsonNode export) {
        ObjectNode tables = export.path("tables").deepCopy();
        for (Iterator<JsonNode> t = tables.elements(); t.hasNext(); ) {
            for (JsonNode row : t.next()) {
                ((ObjectNode) row).remove(VOLATILE);
            }
        }
        return tables;
    }

    private static JsonNode createUser(AtelierServer server, String email, String name) {
        Reply reply =
                server.post("/api/v1/admin/users", AtelierServer.ADMIN_TOKEN, Map.of("email", email, "name", name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.data();
    }

    private static String admin(AtelierServer server, String email, String name) {
        return createUser(server, email, name).path("api_key").asText();
    }

    private static String adminUserId(AtelierServer server, String email, String name) {
        return createUser(server, email, name).path("user_id").asText();
    }
}
