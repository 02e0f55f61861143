package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The resource-style projects API over HTTP: its reference examples verbatim, and beyond them. */
class ResourceProjectsHttpTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser alice = server.createUser("Alice Chen");
    private final TestUser bob = server.createUser("Bob Smith");

    private String create(TestUser user, String name, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", description);
        Reply reply = server.post("/api/projects", user.token(), body);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("project_id").asText();
    }

    private static void assertProblem(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("status").asInt()).isEqualTo(status);
        assertThat(reply.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void seed_create_example_is_201_with_project_id_and_project() {
        Reply reply = server.postRaw(
                "/api/projects",
                alice.token(),
                "{\"name\": \"Churn Prediction\", \"description\": \"Telco customer churn\"}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode body = reply.json();
        String id = body.path("project_id").asText();
        assertThat(id).isNotBlank();
        assertThat(body.path("project").path("id").asText()).isEqualTo(id);
        assertThat(body.path("project").path("name").asText()).isEqualTo("Churn Prediction");
        assertThat(body.path("project").path("description").asText()).isEqualTo("Telco customer churn");
        assertThat(body.path("project").path("created_at").asText()).matches("\\d{4}-.*Z");
    }

    @Test
    void seed_get_example_returns_the_project_with_an_etag() {
        String id = create(alice, "Churn Prediction", "Telco customer churn");

        Reply reply = server.get("/api/projects/" + id, alice.token());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("project").path("name").asText()).isEqualTo("Churn Prediction");
        assertThat(reply.header("ETag")).isEqualTo("\"0\"");
        assertProblem(server.get("/api/projects/" + id, bob.token()), 404);
        assertProblem(server.get("/api/projects/does-not-exist", alice.token()), 404);
    }

    @Test
    void seed_update_example_and_if_match() {
        String id = create(alice, "Churn Prediction", "Telco customer churn");

        Reply updated = ResourceHttp.put(
                server,
                "/api/projects/" + id,
                alice.token(),
                "{\"name\": \"Churn Prediction v2\", \"description\": \"Updated scope\"}",
                null);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("project").path("id").asText()).isEqualTo(id);
        assertThat(updated.json().path("project").path("name").asText()).isEqualTo("Churn Prediction v2");
        assertThat(updated.json().path("project").path("description").asText()).isEqualTo("Updated scope");
        String etag = updated.header("ETag");
        assertThat(etag).isEqualTo("\"1\"");

        assertProblem(
                ResourceHttp.put(server, "/api/projects/" + id, alice.token(), "{\"name\": \"X\"}", "\"0\""), 412);
        assertThat(ResourceHttp.put(server, "/api/projects/" + id, alice.token(), "{\"name\": \"Y\"}", etag)
                        .status())
                .isEqualTo(200);
        assertProblem(
                ResourceHttp.put(server, "/api/projects/" + id, alice.token(), "{\"description\": \"d\"}", null), 400);
        assertProblem(
                ResourceHttp.put(server, "/api/projects/missing-id", alice.token(), "{\"name\": \"n\"}", null), 404);
    }

    @Test
    void seed_delete_example_is_ok_true_only_for_the_owner_and_a_second_delete_is_404() {
        String id = create(alice, "To delete", null);
        server.post("/api/projects/" + id + "/members", alice.token(), Map.of("email", bob.email(), "role", "admin"));

        assertProblem(server.delete("/api/projects/" + id, bob.token()), 403);
        Reply deleted = server.delete("/api/projects/" + id, alice.token());
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("ok").asBoolean()).isTrue();
        assertProblem(server.get("/api/projects/" + id, alice.token()), 404);
        // a second delete is told that nothing is there, exactly as a GET is
        assertProblem(server.delete("/api/projects/" + id, alice.token()), 404);
    }

    @Test
    void seed_list_example_with_search_and_the_item_fields() {
        create(alice, "Fraud Detection v2", "Credit card fraud classification");
        create(alice, "Churn", "Telco customer churn");
        create(alice, "Other", "mentions FRAUD in capitals");

        Reply reply = server.get("/api/projects?limit=10&search=fraud", alice.token());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("total").asInt()).isEqualTo(2);
        assertThat(body.path("limit").asInt()).isEqualTo(10);
        assertThat(body.path("offset").asInt()).isZero();
        JsonNode item = body.path("items").get(1);
        for (String field : List.of(
                "id",
                "name",
                "description",
                "status",
                "dataset_count",
                "experiment_count",
                "model_count",
                "created_at")) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(item.path("status").asText()).isEqualTo("active");
        assertThat(item.path("experiment_count").asInt()).isZero();
        assertThat(body.path("items"))
                .extracting(n -> n.path("name").asText())
                .containsExactly("Other", "Fraud Detection v2");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=501",
                "limit=abc",
                "limit=-5",
                "offset=-1",
                "offset=x",
                "sort_field=password",
                "sort_field=name%3B%20drop%20table%20projects",
                "sort_direction=sideways"
            })
    void invalid_list_parameters_are_400_problems(String query) {
        assertProblem(server.get("/api/projects?" + query, alice.token()), 400);
    }

    @Test
    void paging_never_repeats_or_skips_and_the_order_is_stable_for_every_sort() {
        TestUser pager = server.createUser("Pager");
        for (int i = 0; i < 17; i++) {
            create(pager, "p" + (i % 4) + "-" + i, i % 2 == 0 ? "even" : "odd");
        }
        for (String field : List.of("created_at", "name", "dataset_count", "model_count", "experiment_count")) {
            for (String direction : List.of("asc", "desc")) {
                String base = "/api/projects?sort_field=" + field + "&sort_direction=" + direction;
                List<String> all = ids(server.get(base + "&limit=500", pager.token()));
                List<String> paged = new ArrayList<>();
                for (int offset = 0; offset < 20; offset += 5) {
                    Reply page = server.get(base + "&limit=5&offset=" + offset, pager.token());
                    assertThat(page.json().path("total").asInt()).isEqualTo(17);
                    paged.addAll(ids(page));
                }
                assertThat(paged)
                        .as(field + " " + direction)
                        .hasSize(17)
                        .doesNotHaveDuplicates()
                        .containsExactlyElementsOf(all);
                assertThat(ids(server.get(base + "&limit=500", pager.token()))).isEqualTo(all);
            }
        }
        List<String> names = new ArrayList<>();
        server.get("/api/projects?sort_field=name&sort_direction=asc&limit=500", pager.token())
                .json()
                .path("items")
                .forEach(n -> names.add(n.path("name").asText()));
        assertThat(names).isSorted();
    }

    @Test
    void cursor_pages_walk_own_and_shared_projects_without_duplicates_or_gaps_for_every_sort_and_tie() {
        TestUser walker = server.createUser("Walker");
        TestUser sharer = server.createUser("Sharer");
        for (int i = 0; i < 11; i++) {
            // names tie with the shared projects' names, counts tie everywhere: ids break the ties
            create(walker, i < 3 ? "w" + i : "w" + (i % 3) + " " + i, "own");
        }
        for (int i = 0; i < 4; i++) {
            String shared = create(sharer, i < 3 ? "w" + i : "w0 shared", "shared");
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("email", walker.email());
            member.put("role", "viewer");
            assertThat(server.post("/api/projects/" + shared + "/members", sharer.token(), member)
                            .status())
                    .isEqualTo(201);
        }
        for (String field : List.of("created_at", "name", "dataset_count", "model_count", "experiment_count")) {
            for (String direction : List.of("asc", "desc")) {
                String base = "/api/projects?sort_field=" + field + "&sort_direction=" + direction;
                Reply whole = server.get(base + "&limit=500", walker.token());
                List<String> all = ids(whole);
                assertThat(all).hasSize(15);
                assertThat(whole.json().path("next_cursor").isNull()).isTrue();
                for (int limit : List.of(1, 4, 5)) {
                    List<String> walked = new ArrayList<>();
                    Reply page = server.get(base + "&limit=" + limit, walker.token());
                    int pages = 1;
                    while (true) {
                        assertThat(page.status()).as(page.toString()).isEqualTo(200);
                        assertThat(page.json().path("total").asInt()).isEqualTo(15);
                        walked.addAll(ids(page));
                        JsonNode next = page.json().path("next_cursor");
                        if (next.isNull()) {
                            break;
                        }
                        page = server.get(base + "&limit=" + limit + "&cursor=" + next.asText(), walker.token());
                        pages++;
                    }
                    assertThat(walked)
                            .as(field + " " + direction + " limit " + limit)
                            .doesNotHaveDuplicates()
                            .containsExactlyElementsOf(all);
                    assertThat(pages).isEqualTo((15 + limit - 1) / limit);
                }
            }
        }
        // an offset page offers the cursor of its successor too
        Reply byOffset = server.get("/api/projects?sort_field=name&limit=4&offset=4", walker.token());
        Reply continued = server.get(
                "/api/projects?sort_field=name&limit=4&cursor="
                        + byOffset.json().path("next_cursor").asText(),
                walker.token());
        assertThat(ids(continued))
                .containsExactlyElementsOf(
                        ids(server.get("/api/projects?sort_field=name&limit=4&offset=8", walker.token())));
    }

    @Test
    void a_changed_made_up_or_foreign_cursor_and_a_cursor_with_offset_are_400_problems() {
        for (int i = 0; i < 3; i++) {
            create(alice, "cursor " + i, null);
        }
        String cursor = server.get("/api/projects?limit=1&sort_field=name", alice.token())
                .json()
                .path("next_cursor")
                .asText();
        assertThat(server.get("/api/projects?limit=1&sort_field=name&cursor=" + cursor, alice.token())
                        .status())
                .isEqualTo(200);
        char flipped = cursor.charAt(5) == 'A' ? 'B' : 'A';
        String changed = cursor.substring(0, 5) + flipped + cursor.substring(6);
        for (String query : List.of(
                "sort_field=name&cursor=" + changed,
                "sort_field=name&cursor=not-a-cursor",
                "sort_field=name&cursor=%25%25",
                "sort_field=name&cursor=" + cursor.substring(0, cursor.length() - 3),
                "sort_field=created_at&cursor=" + cursor,
                "sort_field=name&sort_direction=asc&cursor=" + cursor,
                "sort_field=name&offset=0&cursor=" + cursor)) {
            Reply reply = server.get("/api/projects?" + query, alice.token());
            assertProblem(reply, 400);
            assertThat(reply.json().path("detail").asText())
                    .as(query)
                    .contains("cursor")
                    .doesNotContainIgnoringCase("exception")
                    .doesNotContainIgnoringCase("select");
        }
    }

    private static List<String> ids(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.json().path("items").forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    @Test
    void seed_members_examples_list_add_and_remove() {
        String id = create(alice, "Shared", null);

        Reply added = server.postRaw(
                "/api/projects/" + id + "/members",
                alice.token(),
                "{\"email\": \"" + bob.email() + "\", \"role\": \"editor\"}");
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode member = added.json().path("member");
        assertThat(member.path("user_id").asText()).isEqualTo(bob.id());
        assertThat(member.path("email").asText()).isEqualTo(bob.email());
        assertThat(member.path("name").asText()).isEqualTo("Bob Smith");
        assertThat(member.path("role").asText()).isEqualTo("editor");

        Reply list = server.get("/api/projects/" + id + "/members", alice.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("total").asInt()).isEqualTo(2);
        assertThat(list.json().path("limit").asInt()).isEqualTo(50);
        assertThat(list.json().path("items"))
                .extracting(n -> n.path("role").asText())
                .containsExactly("owner", "editor");
        assertThat(list.json().path("items").get(0).path("email").asText()).isEqualTo(alice.email());
        assertThat(list.json().path("items").get(0).has("created_at")).isTrue();

        assertThat(server.get("/api/projects", bob.token()).json().path("items"))
                .extracting(n -> n.path("id").asText())
                .contains(id);
        assertProblem(server.get("/api/projects/" + id + "/members?limit=101", alice.token()), 400);
        assertProblem(
                server.post("/api/projects/" + id + "/members", alice.token(), Map.of("email", "ghost@example.com")),
                404);
        assertProblem(
                server.post(
                        "/api/projects/" + id + "/members",
                        alice.token(),
                        Map.of("email", bob.email(), "role", "king")),
                400);

        Reply removed = server.delete("/api/projects/" + id + "/members/" + bob.id(), alice.token());
        assertThat(removed.status()).isEqualTo(200);
        assertProblem(server.get("/api/projects/" + id, bob.token()), 404);
        assertProblem(server.delete("/api/projects/" + id + "/members/" + alice.id(), alice.token()), 409);
    }

    @Test
    void default_member_role_is_editor() {
        String id = create(alice, "Default role", null);
        Reply added = server.post("/api/projects/" + id + "/members", alice.token(), Map.of("email", bob.email()));
        assertThat(added.json().path("member").path("role").asText()).isEqualTo("editor");
    }

    @Test
    void a_dataset_upload_records_rows_columns_count_and_a_timeline_event() {
        String id = create(alice, "Fraud", null);
        byte[] csv = "id,amount,is_fraud\n1,10.5,0\n2,99.0,1\n3,5.0,0\n".getBytes(StandardCharsets.UTF_8);

        Reply uploaded = ResourceHttp.multipart(
                server, "/api/projects/" + id + "/datasets", alice.token(), "file", "transactions.csv", csv);

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        assertThat(uploaded.json().path("rows").asInt()).isEqualTo(3);
        assertThat(uploaded.json().path("columns").asInt()).isEqualTo(3);
        assertThat(uploaded.json().path("filename").asText()).isEqualTo("transactions.csv");
        assertThat(server.get("/api/projects/" + id, alice.token())
                        .json()
                        .path("project")
                        .path("dataset_count")
                        .asInt())
                .isEqualTo(1);

        Reply timeline = server.get("/api/projects/" + id + "/timeline", alice.token());
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.json().path("project_id").asText()).isEqualTo(id);
        JsonNode events = timeline.json().path("events");
        assertThat(events).extracting(n -> n.path("type").asText()).containsExactly("created", "dataset");
        JsonNode dataset = events.get(1);
        assertThat(dataset.path("name").asText()).isEqualTo("transactions.csv");
        assertThat(dataset.path("rows").asInt()).isEqualTo(3);
        assertThat(dataset.path("columns").asInt()).isEqualTo(3);
        assertThat(dataset.path("id").asText()).isNotBlank();
        assertThat(dataset.path("timestamp").asText()).matches("\\d{4}-.*Z");

        assertProblem(
                ResourceHttp.multipart(
                        server, "/api/projects/" + id + "/datasets", alice.token(), "other", "x.csv", csv),
                400);
    }

    @Test
    void export_is_a_zip_with_manifest_and_documents_and_import_makes_a_new_project() throws IOException {
        String id = create(alice, "Exported", "with a dataset");
        byte[] csv = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
        ResourceHttp.multipart(server, "/api/projects/" + id + "/datasets", alice.token(), "file", "data.csv", csv);

        ResourceHttp.Binary zip = ResourceHttp.getBytes(server, "/api/projects/" + id + "/export", alice.token());

        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.contentType()).startsWith("application/zip");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertThat(entries).containsKey("manifest.json");
        assertThat(entries.get("documents/0001/data.csv")).isEqualTo(csv);

        Reply imported =
                ResourceHttp.postBytes(server, "/api/projects/import", bob.token(), "application/zip", zip.body());
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String newId = imported.json().path("project_id").asText();
        assertThat(newId).isNotEqualTo(id);
        assertThat(imported.json().path("project").path("name").asText()).isEqualTo("Exported");
        assertThat(imported.json().path("project").path("dataset_count").asInt())
                .isEqualTo(1);
        assertThat(server.get("/api/projects/" + newId + "/timeline", bob.token())
                        .json()
                        .path("events"))
                .extracting(n -> n.path("type").asText())
                .contains("imported");

        Reply multipart =
                ResourceHttp.multipart(server, "/api/projects/import", bob.token(), "file", "p.zip", zip.body());
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(201);
        assertThat(multipart.json().path("project").path("name").asText()).isEqualTo("Exported (2)");
    }

    @Test
    void hostile_archives_are_refused_and_create_nothing() throws IOException {
        TestUser victim = server.createUser("Victim");
        byte[] manifest = "{\"format\":\"atelier.project.archive\",\"format_version\":1,\"project\":{\"name\":\"x\"}}"
                .getBytes(StandardCharsets.UTF_8);

        byte[] slip = ZipProjectArchivesTest.zip(Map.of("manifest.json", manifest, "../../evil.sh", new byte[] {1}));
        assertProblem(
                ResourceHttp.postBytes(server, "/api/projects/import", victim.token(), "application/zip", slip), 400);

        Map<String, byte[]> many = new LinkedHashMap<>();
        many.put("manifest.json", manifest);
        for (int i = 0; i < 1005; i++) {
            many.put("documents/" + i, new byte[] {1});
        }
        assertProblem(
                ResourceHttp.postBytes(
                        server,
                        "/api/projects/import",
                        victim.token(),
                        "application/zip",
                        ZipProjectArchivesTest.zip(many)),
                400);

        byte[] bomb = ZipProjectArchivesTest.zip(
                Map.of("manifest.json", manifest, "documents/zeros", new byte[9 * 1024 * 1024]));
        assertProblem(
                ResourceHttp.postBytes(server, "/api/projects/import", victim.token(), "application/zip", bomb), 413);

        assertProblem(
                ResourceHttp.postBytes(
                        server, "/api/projects/import", victim.token(), "application/zip", "garbage".getBytes()),
                400);
        byte[] unlisted =
                ZipProjectArchivesTest.zip(Map.of("manifest.json", manifest, "documents/x.txt", "hi".getBytes()));
        assertProblem(
                ResourceHttp.postBytes(server, "/api/projects/import", victim.token(), "application/zip", unlisted),
                400);

        assertThat(server.get("/api/projects", victim.token())
                        .json()
                        .path("total")
                        .asInt())
                .isZero();
    }
}
