package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import io.micronaut.web.router.Router;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix over HTTP: every route of every dialect, read from the server's own
 * {@link Router} (a new endpoint without a row here fails the test), called by each of ten callers
 * against a real server, with the exact status expected for each.
 *
 * <p>Each row probes one route with a concrete request. Rows that act on a project get a fresh
 * project per cell (owned by {@code owner}, organization-scoped in organization {@code acme}, with
 * a viewer, an editor, an admin and a bystander viewer as members), so that a delete or an update by
 * one caller never changes what the next caller sees.
 *
 * <p>Callers: no credential; a bad credential; another tenant (a user without organization and no
 * role); a user of another organization; a member of the owner's organization without a membership
 * (the organization scope makes them a viewer); a viewer, an editor and an admin member; the owner;
 * the server administrator (who manages users and keys and has no implicit project access).
 */
class AuthorizationMatrixTest {
    /** The ten callers, in the column order of the table. */
    enum Caller {
        NO_CREDENTIAL,
        BAD_CREDENTIAL,
        OTHER_TENANT,
        OTHER_ORGANIZATION,
        ORG_MEMBER,
        VIEWER,
        EDITOR,
        ADMIN,
        OWNER,
        SERVER_ADMIN
    }

    private static AtelierServer server;
    private static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);
    private static final Map<Caller, TestUser> USERS = new EnumMap<>(Caller.class);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static String projectExport;
    private static String workspaceExport;
    private static byte[] projectZip;
    private static String templateId;

    @BeforeAll
    static void start() {
        server = AtelierServer.start(Map.of());
        USERS.put(Caller.OTHER_TENANT, server.createUser("Tenant", null));
        USERS.put(Caller.OTHER_ORGANIZATION, server.createUser("Globex", "globex"));
        USERS.put(Caller.ORG_MEMBER, server.createUser("Colleague", "acme"));
        USERS.put(Caller.VIEWER, server.createUser("Viewer", "acme"));
        USERS.put(Caller.EDITOR, server.createUser("Editor", "acme"));
        USERS.put(Caller.ADMIN, server.createUser("Admin", "acme"));
        USERS.put(Caller.OWNER, server.createUser("Owner", "acme"));
        TOKENS.put(Caller.NO_CREDENTIAL, null);
        TOKENS.put(Caller.BAD_CREDENTIAL, "atl_0123456789abcdef01234567_" + "0".repeat(64));
        USERS.forEach((caller, user) -> TOKENS.put(caller, user.token()));
        TOKENS.put(Caller.SERVER_ADMIN, AtelierServer.ADMIN_TOKEN);

        // material some requests need: an export, a workspace export, a ZIP archive, a template
        Cell setup = new Cell(Caller.OWNER);
        projectExport = server.post(
                        "/api/v1/projects/workspace_id/export-project", owner(), Map.of("project_id", setup.project()))
                .data()
                .toString();
        workspaceExport = server.post("/api/v1/projects/workspace_id/export-workspace", owner(), Map.of())
                .data()
                .toString();
        projectZip = get(setup, "/api/projects/" + setup.project() + "/export", owner())
                .bodyBytes();
        templateId = server.get("/api/v1/projects/list-templates", owner())
                .data()
                .path(0)
                .path("id")
                .asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String owner() {
        return TOKENS.get(Caller.OWNER);
    }

    /**
     * One probe of a route: how to call it, and the status each caller gets, in the order of
     * {@link Caller} (no credential, bad credential, other tenant, other organization, organization
     * member, viewer, editor, admin, owner, server administrator).
     */
    record Row(String route, String what, String expected, Function<Cell, Reply> call) {
        int[] statuses() {
            int[] statuses = Arrays.stream(expected.trim().split("\\s+"))
                    .mapToInt(Integer::parseInt)
                    .toArray();
            assertThat(statuses).as(route + " row").hasSize(Caller.values().length);
            return statuses;
        }
    }

    // columns:          none bad tenant org-x org viewer editor admin owner server-admin
    private static final String PUBLIC = "200 200 200 200 200 200 200 200 200 200";
    private static final String ANY_USER = "401 401 200 200 200 200 200 200 200 200";
    private static final String ANY_USER_CREATED = "401 401 201 201 201 201 201 201 201 201";
    private static final String READ = "401 401 404 404 200 200 200 200 200 404";
    private static final String WRITE = "401 401 404 404 403 403 200 200 200 404";
    private static final String MANAGE_MEMBERS = "401 401 404 404 403 403 403 201 201 404";
    private static final String REMOVE_MEMBER = "401 401 404 404 403 403 403 200 200 404";
    /** Deleting a project one cannot see is "not found", exactly like reading it. */
    private static final String DELETE = "401 401 404 404 403 403 403 403 200 404";

    private static final String SERVER_ADMIN_ONLY = "401 401 403 403 403 403 403 403 403 200";
    /** The v1 dialect's save with an existing id it may not write: the id is taken (409), nothing changes. */
    private static final String UPDATE_BY_ID = "401 401 409 409 403 403 200 200 200 409";
    /** Workspaces belong to their owner alone; another's id is taken (409) or not found (404). */
    private static final String OWN_WORKSPACE_SAVE = "401 401 409 409 409 409 409 409 200 409";

    private static final String OWN_WORKSPACE = "401 401 404 404 404 404 404 404 200 404";
    /** The labeling dialect addresses the caller's own projects by name: members see other people's as missing. */
    private static final String OWN_BY_NAME = OWN_WORKSPACE;

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- public
        rows.add(new Row("GET /health", "health", PUBLIC, c -> c.get("/health")));
        rows.add(new Row("GET /health/{selector}", "readiness", PUBLIC, c -> c.get("/health/readiness")));
        rows.add(new Row("GET /prometheus", "metrics", PUBLIC, c -> c.get("/prometheus")));
        rows.add(new Row("GET /openapi.yml", "API document", PUBLIC, c -> c.get("/openapi.yml")));
        rows.add(new Row("GET /docs", "API reference", PUBLIC, c -> c.get("/docs")));
        rows.add(new Row("GET /", "web console page", PUBLIC, c -> c.get("/")));

        // ---- v1 dialect: projects
        for (String base : List.of("/api/v1/projects", "/api/v1/projects/{workspaceId}")) {
            String p = base.replace("{workspaceId}", "workspace_id");
            rows.add(new Row(
                    "POST " + base + "/save",
                    "update the project",
                    UPDATE_BY_ID,
                    c -> c.post(p + "/save", Map.of("project", Map.of("id", c.project(), "name", c.freshName())))));
            rows.add(new Row(
                    "POST " + base + "/save",
                    "create a project",
                    ANY_USER,
                    c -> c.post(p + "/save", Map.of("project", Map.of("name", c.freshName())))));
            rows.add(new Row("GET " + base + "/list", "list", ANY_USER, c -> c.get(p + "/list")));
            rows.add(new Row(
                    "POST " + base + "/list",
                    "list (JSON body)",
                    ANY_USER,
                    c -> c.post(p + "/list", Map.of("scopes", List.of("user", "shared")))));
            rows.add(new Row(
                    "GET " + base + "/load",
                    "load the project",
                    READ,
                    c -> c.get(p + "/load?project_id=" + c.project())));
            rows.add(new Row(
                    "POST " + base + "/load",
                    "load the project (JSON body)",
                    READ,
                    c -> c.post(p + "/load", Map.of("project", Map.of("id", c.project(), "scope", "user")))));
            rows.add(new Row(
                    "POST " + base + "/copy",
                    "copy the project",
                    READ,
                    c -> c.post(p + "/copy", Map.of("project_id", c.project(), "new_project_name", c.freshName()))));
            rows.add(new Row(
                    "POST " + base + "/cleanup",
                    "delete the project",
                    DELETE,
                    c -> c.post(p + "/cleanup", Map.of("project", Map.of("id", c.project())))));
            rows.add(new Row(
                    "POST " + base + "/export-project",
                    "export the project",
                    READ,
                    c -> c.post(p + "/export-project", Map.of("project_id", c.project()))));
            rows.add(new Row(
                    "POST " + base + "/import-project",
                    "import an export",
                    ANY_USER,
                    c -> c.postRaw(p + "/import-project", "{\"export_data\": " + projectExport + "}")));
            rows.add(new Row(
                    "POST " + base + "/export-workspace",
                    "export the own workspace",
                    ANY_USER,
                    c -> c.post(p + "/export-workspace", Map.of())));
            rows.add(new Row(
                    "POST " + base + "/import-workspace",
                    "import a workspace export",
                    ANY_USER,
                    c -> c.postRaw(p + "/import-workspace", "{\"export_data\": " + workspaceExport + "}")));
            rows.add(new Row(
                    "GET " + base + "/list-templates", "templates", ANY_USER, c -> c.get(p + "/list-templates")));
            rows.add(new Row(
                    "POST " + base + "/import-template",
                    "create from a template",
                    ANY_USER,
                    c -> c.post(
                            p + "/import-template",
                            Map.of("template_id", templateId, "new_project_name", c.freshName()))));
            rows.add(new Row(
                    "POST " + base + "/create-from-context",
                    "create from a context",
                    ANY_USER,
                    c -> c.multipart(
                            p + "/create-from-context",
                            Map.of("context", "Analyze churn of customers", "scope", "user"),
                            null)));
            rows.add(new Row(
                    "POST " + base + "/create-from-context",
                    "create from a context (url-encoded form)",
                    ANY_USER,
                    c -> c.postBytes(
                            p + "/create-from-context",
                            "application/x-www-form-urlencoded",
                            "context=Analyze+churn+of+customers&scope=user".getBytes(StandardCharsets.US_ASCII))));
        }

        // ---- v1 dialect: project routes naming another user's workspace in the path
        String inWorkspace = "/api/v1/projects/{workspaceId}";
        rows.add(new Row(
                "POST " + inWorkspace + "/save",
                "create a project in the owner's workspace",
                OWN_WORKSPACE,
                c -> c.post(
                        "/api/v1/projects/" + c.workspace() + "/save",
                        Map.of("project", Map.of("name", c.freshName())))));
        rows.add(new Row(
                "GET " + inWorkspace + "/list",
                "list the owner's workspace",
                OWN_WORKSPACE,
                c -> c.get("/api/v1/projects/" + c.workspace() + "/list")));
        rows.add(new Row(
                "POST " + inWorkspace + "/list",
                "list the owner's workspace (JSON body)",
                OWN_WORKSPACE,
                c -> c.post("/api/v1/projects/" + c.workspace() + "/list", Map.of("scopes", List.of("user")))));
        rows.add(new Row(
                "POST " + inWorkspace + "/export-workspace",
                "export the owner's workspace",
                OWN_WORKSPACE,
                c -> c.post("/api/v1/projects/" + c.workspace() + "/export-workspace", Map.of())));
        rows.add(new Row(
                "POST " + inWorkspace + "/import-project",
                "import into the owner's workspace",
                OWN_WORKSPACE,
                c -> c.postRaw(
                        "/api/v1/projects/" + c.workspace() + "/import-project",
                        "{\"export_data\": " + projectExport + "}")));

        // ---- v1 dialect: workspaces
        rows.add(new Row(
                "POST /api/v1/workspaces/save",
                "create a workspace",
                ANY_USER,
                c -> c.post("/api/v1/workspaces/save", Map.of("name", c.freshName()))));
        rows.add(new Row(
                "POST /api/v1/workspaces/save",
                "update the owner's workspace",
                OWN_WORKSPACE_SAVE,
                c -> c.post("/api/v1/workspaces/save", Map.of("id", c.workspace(), "name", c.freshName()))));
        rows.add(new Row("GET /api/v1/workspaces/list", "list", ANY_USER, c -> c.get("/api/v1/workspaces/list")));
        rows.add(new Row(
                "GET /api/v1/workspaces/{workspaceId}/load",
                "load the owner's workspace",
                OWN_WORKSPACE,
                c -> c.get("/api/v1/workspaces/" + c.workspace() + "/load")));
        rows.add(new Row(
                "POST /api/v1/workspaces/{workspaceId}/export-tables",
                "export the owner's workspace",
                OWN_WORKSPACE,
                c -> c.post("/api/v1/workspaces/" + c.workspace() + "/export-tables", Map.of())));
        rows.add(new Row(
                "POST /api/v1/workspaces/import-tables",
                "import a workspace export",
                ANY_USER,
                c -> c.postRaw("/api/v1/workspaces/import-tables", "{\"export_data\": " + workspaceExport + "}")));

        rows.add(new Row("GET /api/v1/me", "who am I", ANY_USER, c -> c.get("/api/v1/me")));

        // ---- v1 dialect: administration
        rows.add(new Row(
                "GET /api/v1/admin/users",
                "list users and keys",
                SERVER_ADMIN_ONLY,
                c -> c.get("/api/v1/admin/users")));
        rows.add(new Row(
                "GET /api/v1/admin/server",
                "what the server runs with",
                SERVER_ADMIN_ONLY,
                c -> c.get("/api/v1/admin/server")));
        rows.add(new Row(
                "POST /api/v1/admin/users",
                "register a user",
                SERVER_ADMIN_ONLY,
                c -> c.post("/api/v1/admin/users", Map.of("email", c.freshName() + "@example.com", "name", "New"))));
        rows.add(new Row(
                "POST /api/v1/admin/users/{id}/keys",
                "issue a key",
                SERVER_ADMIN_ONLY,
                c -> c.post(
                        "/api/v1/admin/users/" + USERS.get(Caller.OTHER_TENANT).id() + "/keys", Map.of())));
        rows.add(new Row(
                "DELETE /api/v1/admin/keys/{keyId}",
                "revoke a key",
                SERVER_ADMIN_ONLY,
                c -> c.delete("/api/v1/admin/keys/" + c.spareKey())));

        // ---- resource dialect
        rows.add(new Row("GET /api/projects", "list", ANY_USER, c -> c.get("/api/projects")));
        rows.add(new Row(
                "POST /api/projects",
                "create a project",
                ANY_USER_CREATED,
                c -> c.post("/api/projects", Map.of("name", c.freshName()))));
        rows.add(new Row("GET /api/projects/{id}", "read", READ, c -> c.get("/api/projects/" + c.project())));
        rows.add(new Row(
                "PUT /api/projects/{id}",
                "update",
                WRITE,
                c -> c.put("/api/projects/" + c.project(), Map.of("name", c.freshName()))));
        rows.add(new Row("DELETE /api/projects/{id}", "delete", DELETE, c -> c.delete("/api/projects/" + c.project())));
        rows.add(new Row(
                "GET /api/projects/{id}/members",
                "members",
                READ,
                c -> c.get("/api/projects/" + c.project() + "/members")));
        rows.add(new Row(
                "POST /api/projects/{id}/members",
                "add a member",
                MANAGE_MEMBERS,
                c -> c.post(
                        "/api/projects/" + c.project() + "/members",
                        Map.of("email", USERS.get(Caller.OTHER_TENANT).email(), "role", "viewer"))));
        rows.add(new Row(
                "DELETE /api/projects/{id}/members/{userId}",
                "remove another member",
                REMOVE_MEMBER,
                c -> c.delete("/api/projects/" + c.project() + "/members/" + c.bystander())));
        rows.add(new Row(
                "GET /api/projects/{id}/timeline",
                "timeline",
                READ,
                c -> c.get("/api/projects/" + c.project() + "/timeline")));
        rows.add(new Row(
                "GET /api/projects/{id}/params",
                "params and history",
                READ,
                c -> c.get("/api/projects/" + c.project() + "/params")));
        rows.add(new Row(
                "PUT /api/projects/{id}/params",
                "set params",
                WRITE,
                c -> c.put("/api/projects/" + c.project() + "/params", Map.of("params", Map.of("lr", 0.1)))));
        rows.add(new Row(
                "GET /api/projects/{id}/documents",
                "documents",
                READ,
                c -> c.get("/api/projects/" + c.project() + "/documents")));
        rows.add(new Row(
                "POST /api/projects/{id}/archive",
                "archive",
                WRITE,
                c -> c.post("/api/projects/" + c.project() + "/archive", Map.of())));
        rows.add(new Row(
                "POST /api/projects/{id}/unarchive",
                "unarchive",
                WRITE,
                c -> c.post("/api/projects/" + c.project() + "/unarchive", Map.of())));
        rows.add(new Row(
                "POST /api/projects/{id}/datasets",
                "upload a dataset",
                "401 401 404 404 403 403 201 201 201 404",
                c -> c.multipart(
                        "/api/projects/" + c.project() + "/datasets",
                        Map.of(),
                        "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8))));
        rows.add(new Row(
                "GET /api/projects/{id}/export",
                "export",
                READ,
                c -> c.get("/api/projects/" + c.project() + "/export")));
        rows.add(new Row(
                "POST /api/projects/analyze",
                "draft a project from a context (nothing saved)",
                ANY_USER,
                c -> c.multipart(
                        "/api/projects/analyze", Map.of("context", "Forecast weekly demand per store"), null)));
        rows.add(new Row(
                "POST /api/projects/import",
                "import a ZIP archive",
                ANY_USER_CREATED,
                c -> c.postBytes("/api/projects/import", "application/zip", projectZip)));

        // ---- labeling dialect (HTTP Basic)
        rows.add(new Row("GET /v1/projects", "list", ANY_USER, c -> c.get("/v1/projects")));
        rows.add(new Row(
                "POST /v1/projects",
                "create a project",
                ANY_USER,
                c -> c.post("/v1/projects", Map.of("name", c.freshName(), "type", "image"))));
        rows.add(
                new Row("GET /v1/projects/{name}", "read", OWN_BY_NAME, c -> c.get("/v1/projects/" + c.projectName())));
        rows.add(new Row(
                "POST /v1/projects/{name}/setParams",
                "set params",
                OWN_BY_NAME,
                c -> c.post("/v1/projects/" + c.projectName() + "/setParams", Map.of("params", Map.of("k", 1)))));
        return rows;
    }

    @Test
    void every_route_of_every_dialect_answers_each_caller_as_the_table_says() {
        List<Row> rows = rows();
        TreeSet<String> tableRoutes = rows.stream().map(Row::route).collect(Collectors.toCollection(TreeSet::new));
        assertThat(tableRoutes)
                .as("routes with a row in the table (a new endpoint needs one)")
                .containsAll(routes());
        assertThat(routes())
                .as("routes of the server (a row for a removed endpoint is stale)")
                .containsAll(tableRoutes);

        List<String> wrong = new ArrayList<>();
        Map<String, String> actualTable = new LinkedHashMap<>();
        int cells = 0;
        for (Row row : rows) {
            int[] expected = row.statuses();
            StringBuilder actual = new StringBuilder();
            for (Caller caller : Caller.values()) {
                Reply reply = row.call().apply(new Cell(caller));
                cells++;
                actual.append(reply.status()).append(' ');
                if (reply.status() != expected[caller.ordinal()]) {
                    wrong.add(row.route() + " (" + row.what() + ") as " + caller + ": expected "
                            + expected[caller.ordinal()] + ", got " + reply);
                } else if (reply.status() >= 400 && !inDialectShape(row.route(), reply)) {
                    wrong.add(row.route() + " (" + row.what() + ") as " + caller
                            + ": error not in the dialect's shape: " + reply);
                }
            }
            actualTable.put(row.route() + " | " + row.what(), actual.toString().trim());
        }
        System.out.println("authorization matrix: " + routes().size() + " routes, " + rows.size() + " rows, " + cells
                + " requests tried");
        actualTable.forEach((k, v) -> System.out.println("  " + v + "  " + k));
        assertThat(wrong).as("cells that differ from the table").isEmpty();
    }

    /** The error answers of each dialect: v1 envelope, problem+json, labeling {"error"}. */
    private static boolean inDialectShape(String route, Reply reply) {
        String path = route.substring(route.indexOf(' ') + 1);
        if (path.startsWith("/api/projects")) {
            return reply.header("Content-Type").startsWith("application/problem+json")
                    && reply.json().path("status").asInt() == reply.status();
        }
        if (path.startsWith("/v1/projects")) {
            return reply.json().path("error").isTextual();
        }
        return reply.json().path("status").asText().equals("error")
                && reply.json().path("message").isTextual();
    }

    /** "METHOD /template" of every route the server answers (HEAD twins of GET left out). */
    static TreeSet<String> routes() {
        Router router = server.context().getBean(Router.class);
        TreeSet<String> routes = new TreeSet<>();
        router.uriRoutes()
                .forEach(route -> routes.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " "
                        + path(route.getUriMatchTemplate().toString())));
        routes.removeIf(r -> r.startsWith("HEAD ") && routes.contains("GET " + r.substring(5)));
        return routes;
    }

    private static String path(String template) {
        template = template.replaceAll("\\{\\?[^}]*}", "");
        template = template.replaceAll("\\{/([^}:]+)(:[^}]*)?}", "/{$1}");
        template = template.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return template;
    }

    private static Binary get(Cell cell, String path, String token) {
        return cell.binary(path, token);
    }

    record Binary(int status, byte[] bodyBytes) {}

    /** One cell: the caller, and a fixture made for this cell only (on first use). */
    static final class Cell {
        private final Caller caller;
        private String project;
        private String projectName;
        private String bystander;
        private String workspace;

        Cell(Caller caller) {
            this.caller = caller;
        }

        String freshName() {
            return "matrix-" + NAMES.incrementAndGet();
        }

        String project() {
            if (project == null) {
                projectName = freshName();
                Reply saved = server.post(
                        "/api/v1/projects/workspace_id/save",
                        owner(),
                        Map.of("project", Map.of("name", projectName, "scope", "organization")));
                assertThat(saved.status()).as("fixture project: " + saved).isEqualTo(200);
                project = saved.data().path("project_id").asText();
                grant(Caller.VIEWER, "viewer");
                grant(Caller.EDITOR, "editor");
                grant(Caller.ADMIN, "admin");
                TestUser extra = server.createUser("Bystander", "acme");
                grant(extra.email(), "viewer");
                bystander = extra.id();
            }
            return project;
        }

        String projectName() {
            project();
            return projectName;
        }

        String bystander() {
            project();
            return bystander;
        }

        String workspace() {
            if (workspace == null) {
                Reply saved = server.post("/api/v1/workspaces/save", owner(), Map.of("name", freshName()));
                assertThat(saved.status()).as("fixture workspace: " + saved).isEqualTo(200);
                workspace = saved.data().path("workspace_id").asText();
            }
            return workspace;
        }

        String spareKey() {
            Reply issued = server.post(
                    "/api/v1/admin/users/" + USERS.get(Caller.OTHER_TENANT).id() + "/keys",
                    AtelierServer.ADMIN_TOKEN,
                    Map.of());
            assertThat(issued.status()).as("fixture key: " + issued).isEqualTo(200);
            return issued.data().path("key_id").asText();
        }

        private void grant(Caller member, String role) {
            grant(USERS.get(member).email(), role);
        }

        private void grant(String email, String role) {
            Reply granted =
                    server.post("/api/projects/" + project + "/members", owner(), Map.of("email", email, "role", role));
            assertThat(granted.status()).as("fixture member: " + granted).isEqualTo(201);
        }

        // ---- requests as this cell's caller

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = server.request(path, null);
            String token = TOKENS.get(caller);
            if (token != null) {
                builder.header(
                        "Authorization", path.startsWith("/v1/") ? AtelierServer.basicAuth(token) : "Bearer " + token);
            }
            return builder;
        }

        Reply get(String path) {
            return server.send(request(path).GET().build());
        }

        Reply delete(String path) {
            return server.send(request(path).DELETE().build());
        }

        Reply post(String path, Object body) {
            return postRaw(path, AtelierServer.toJson(body));
        }

        Reply postRaw(String path, String json) {
            return server.send(request(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build());
        }

        Reply put(String path, Object body) {
            return server.send(request(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(AtelierServer.toJson(body), StandardCharsets.UTF_8))
                    .build());
        }

        Reply postBytes(String path, String contentType, byte[] bytes) {
            return server.send(request(path)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build());
        }

        /** Multipart form: the text fields, and a CSV file part named {@code file}/{@code files} if given. */
        Reply multipart(String path, Map<String, String> fields, byte[] file) {
            String boundary = "----atelier-matrix-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            fields.forEach((name, value) -> body.writeBytes(("--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            if (file != null) {
                body.writeBytes(("--" + boundary
                                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"data.csv\""
                                + "\r\nContent-Type: text/csv\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.writeBytes(file);
                body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return server.send(request(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .build());
        }

        Binary binary(String path, String token) {
            try {
                var response = java.net.http.HttpClient.newHttpClient()
                        .send(
                                server.request(path, token).GET().build(),
                                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                return new Binary(response.statusCode(), response.body());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
