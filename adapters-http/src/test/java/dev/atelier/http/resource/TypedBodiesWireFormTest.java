package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answers the resource dialect and the admin endpoints write from typed records keep the wire
 * form clients read: the same field names in the same order, a member's joining time only in the
 * listing, an event's details after its four fixed fields and never twice, nulls written.
 */
class TypedBodiesWireFormTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice Wire Form");
    private final TestUser bob = server.createUser("Bob Wire Form");

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static final List<String> PROJECT = List.of(
            "id",
            "name",
            "description",
            "status",
            "dataset_count",
            "experiment_count",
            "model_count",
            "created_at",
            "updated_at");

    private String created() {
        Reply reply = server.post("/api/projects", alice.token(), Map.of("name", "Wire form " + System.nanoTime()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(fields(reply.json())).containsExactly("project_id", "project");
        assertThat(fields(reply.json().path("project"))).containsExactlyElementsOf(PROJECT);
        assertThat(reply.json().path("project").path("description").isNull()).isTrue();
        return reply.json().path("project_id").asText();
    }

    @Test
    void a_project_read_changed_archived_and_deleted_keeps_its_fields_in_order() {
        String id = created();
        Reply read = server.get("/api/projects/" + id, alice.token());
        assertThat(fields(read.json())).containsExactly("project");
        assertThat(fields(read.json().path("project"))).containsExactlyElementsOf(PROJECT);

        Reply changed = ResourceHttp.put(server, "/api/projects/" + id, alice.token(), "{\"name\": \"renamed\"}", null);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(fields(changed.json().path("project"))).containsExactlyElementsOf(PROJECT);

        Reply archived = server.post("/api/projects/" + id + "/archive", alice.token(), Map.of());
        assertThat(archived.json().path("project").path("status").asText()).isEqualTo("archived");
        assertThat(fields(archived.json().path("project"))).containsExactlyElementsOf(PROJECT);

        Reply deleted = server.delete("/api/projects/" + id, alice.token());
        assertThat(deleted.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void a_member_added_has_no_joining_time_and_a_listed_member_has_one() {
        String id = created();
        Reply added = server.post(
                "/api/projects/" + id + "/members", alice.token(), Map.of("email", bob.email(), "role", "viewer"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(fields(added.json())).containsExactly("member");
        assertThat(fields(added.json().path("member"))).containsExactly("user_id", "email", "name", "role");

        JsonNode members =
                server.get("/api/projects/" + id + "/members", alice.token()).json();
        assertThat(fields(members)).containsExactly("items", "total", "limit", "offset");
        assertThat(members.path("items")).hasSize(2);
        members.path("items")
                .forEach(m -> assertThat(fields(m)).containsExactly("user_id", "email", "name", "role", "created_at"));

        Reply removed = server.delete("/api/projects/" + id + "/members/" + bob.id(), alice.token());
        assertThat(removed.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void an_event_shows_its_four_fixed_fields_first_then_its_details_once() {
        String id = created();
        server.post("/api/projects/" + id + "/members", alice.token(), Map.of("email", bob.email()));
        JsonNode timeline =
                server.get("/api/projects/" + id + "/timeline", alice.token()).json();
        assertThat(fields(timeline)).containsExactly("project_id", "events");
        assertThat(timeline.path("events")).isNotEmpty();
        for (JsonNode event : timeline.path("events")) {
            List<String> names = fields(event);
            assertThat(names.subList(0, 4)).containsExactly("id", "type", "name", "timestamp");
            assertThat(names).doesNotHaveDuplicates();
        }
        String body =
                server.get("/api/projects/" + id + "/timeline", alice.token()).body();
        assertThat(body).startsWith("{\"project_id\":\"" + id + "\",\"events\":[{\"id\":\"");
    }

    @Test
    void a_document_uploaded_and_listed_has_the_same_fields_in_order() {
        String id = created();
        Reply uploaded = ResourceHttp.multipart(
                server,
                "/api/projects/" + id + "/datasets",
                alice.token(),
                "file",
                "sales.csv",
                "store,week,units\na,1,3\nb,1,4\n".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        List<String> document = List.of(
                "id",
                "project_id",
                "filename",
                "media_type",
                "size_bytes",
                "sha256",
                "rows",
                "columns",
                "pages",
                "characters",
                "truncated",
                "dataset",
                "created_at");
        assertThat(fields(uploaded.json())).containsExactlyElementsOf(document);
        assertThat(uploaded.json().path("pages").isNull()).isTrue();

        JsonNode listed =
                server.get("/api/projects/" + id + "/documents", alice.token()).json();
        assertThat(fields(listed)).containsExactly("project_id", "items", "total");
        assertThat(fields(listed.path("items").get(0))).containsExactlyElementsOf(document);
        assertThat(listed.path("items").get(0)).isEqualTo(uploaded.json());
    }

    @Test
    void the_admin_answers_keep_their_fields_in_order() {
        Reply created = server.post(
                "/api/v1/admin/users",
                AtelierServer.ADMIN_TOKEN,
                Map.of("email", "wire-form-" + System.nanoTime() + "@example.com", "name", "Wire Form"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(fields(created.json())).containsExactly("status", "message", "data");
        assertThat(fields(created.data())).containsExactly("user_id", "api_key", "key_id", "user");
        List<String> user = List.of("id", "email", "name", "organization", "admin", "created_at");
        assertThat(fields(created.data().path("user"))).containsExactlyElementsOf(user);
        assertThat(created.data().path("user").path("organization").isNull()).isTrue();
        String userId = created.data().path("user_id").asText();

        JsonNode issued = server.post("/api/v1/admin/users/" + userId + "/keys", AtelierServer.ADMIN_TOKEN, Map.of())
                .data();
        assertThat(fields(issued)).containsExactly("api_key", "key_id", "user_id");

        long total = server.get("/api/v1/admin/users?limit=1", AtelierServer.ADMIN_TOKEN)
                .data()
                .path("total")
                .asLong();
        // oldest first: the newest users are on the last page (others may be created meanwhile)
        JsonNode users = server.get(
                        "/api/v1/admin/users?limit=100&offset=" + Math.max(0, total - 50), AtelierServer.ADMIN_TOKEN)
                .data();
        assertThat(fields(users)).containsExactly("users", "total", "limit", "offset");
        JsonNode listed = null;
        for (JsonNode u : users.path("users")) {
            if (u.path("id").asText().equals(userId)) {
                listed = u;
            }
        }
        assertThat(listed).as("the new user is listed").isNotNull();
        List<String> account = new ArrayList<>(user);
        account.add("keys");
        assertThat(fields(listed)).containsExactlyElementsOf(account);
        assertThat(listed.path("keys")).hasSize(2);
        assertThat(fields(listed.path("keys").get(0)))
                .containsExactly("key_id", "created_at", "last_used_at", "revoked");

        JsonNode revoked = server.delete(
                        "/api/v1/admin/keys/" + issued.path("key_id").asText(), AtelierServer.ADMIN_TOKEN)
                .data();
        assertThat(fields(revoked)).containsExactly("key_id", "revoked");

        JsonNode described =
                server.get("/api/v1/admin/server", AtelierServer.ADMIN_TOKEN).data();
        assertThat(fields(described)).containsExactly("version", "database", "database_version", "analyzer");
        assertThat(fields(described.path("analyzer"))).containsExactly("provider", "model");

        JsonNode me = server.get("/api/v1/me", alice.token()).data();
        assertThat(fields(me)).containsExactly("user");
        assertThat(fields(me.path("user"))).containsExactlyElementsOf(user);
    }
}
