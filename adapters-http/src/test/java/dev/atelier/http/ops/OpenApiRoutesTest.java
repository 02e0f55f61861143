package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document and the router agree: every route the server answers is documented (a
 * new controller without documentation fails here), and every documented operation is a route.
 * Routes of {@link Hidden} controllers (the documentation itself) are the only exception.
 */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final AtelierServer server = AtelierServer.shared();

    @Test
    void every_route_of_the_router_is_an_operation_of_the_document() {
        Set<String> documented = documentedOperations();
        List<String> routes = routes();

        assertThat(routes).as("routes of the server").isNotEmpty().contains("GET /health", "GET /prometheus");
        assertThat(documented)
                .as("operations of /openapi.yml (every route must be documented)")
                .containsAll(routes);
    }

    @Test
    void every_operation_of_the_document_is_a_route() {
        assertThat(routes())
                .as("routes of the server (every documented operation must exist)")
                .containsAll(documentedOperations());
    }

    @Test
    void the_document_is_public_yaml_with_the_api_key_schemes() {
        Reply reply = server.get("/openapi.yml", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/yaml");
        Map<String, Object> document = new Yaml().load(reply.body());
        assertThat(document.get("openapi").toString()).startsWith("3.");
        assertThat(document).containsKey("info");
        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        assertThat(components.get("securitySchemes").toString()).contains("bearer", "basic");
        assertThat(reply.body()).doesNotContain("caller:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_typed_bodies_of_the_resource_dialect_and_of_admin_are_described_with_their_wire_names() {
        Map<String, Object> document =
                new Yaml().load(server.get("/openapi.yml", null).body());
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas)
                .containsKeys(
                        "ResourceBodies.NewProject",
                        "ResourceBodies.ProjectView",
                        "ResourceBodies.MemberPage",
                        "ResourceBodies.Timeline",
                        "ResourceBodies.DocumentList",
                        "ResourceBodies.ParamsAnswer",
                        "ResourceBodies.ParamsChange",
                        "AdminBodies.UserAccounts",
                        "AdminBodies.CreatedUser");
        Map<String, Object> project = (Map<String, Object>) schemas.get("ResourceBodies.ProjectView");
        assertThat(((Map<String, Object>) project.get("properties")).keySet())
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "status",
                        "dataset_count",
                        "experiment_count",
                        "model_count",
                        "created_at",
                        "updated_at");
        Map<String, Object> newProject = (Map<String, Object>) schemas.get("ResourceBodies.NewProject");
        assertThat(((Map<String, Object>) newProject.get("properties")).keySet())
                .containsExactly("name", "description", "metadata", "type", "params");
        assertThat(((Map<String, Object>) ((Map<String, Object>) newProject.get("properties")).get("name")).get("type"))
                .isEqualTo("string");
        Map<String, Object> account = (Map<String, Object>) schemas.get("AdminBodies.UserAccount");
        assertThat(((Map<String, Object>) account.get("properties")).keySet())
                .containsExactly("id", "email", "name", "organization", "admin", "created_at", "keys");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_v1_and_labeling_operations_answer_their_typed_bodies_under_their_own_tags() {
        Map<String, Object> document =
                new Yaml().load(server.get("/openapi.yml", null).body());
        Map<String, Object> schemas =
                (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
        assertThat(schemas)
                .containsKeys(
                        "V1Bodies.ProjectView",
                        "V1Bodies.SavedProject",
                        "V1Bodies.LoadedProject",
                        "V1Bodies.CopiedProject",
                        "V1Bodies.ImportedProject",
                        "V1Bodies.TemplateView",
                        "V1Bodies.ContextProject",
                        "V1Bodies.WorkspaceView",
                        "V1Bodies.LoadedWorkspace",
                        "V1Bodies.CallerAnswer",
                        "LabelingBodies.NewProject",
                        "LabelingBodies.ProjectView");
        assertThat(properties(schemas, "V1Bodies.LoadedProject"))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "metadata",
                        "scope",
                        "workspace_id",
                        "type",
                        "status",
                        "params",
                        "params_version",
                        "owner_id",
                        "version",
                        "created_at",
                        "updated_at",
                        "role");
        assertThat(properties(schemas, "V1Bodies.LoadedWorkspace"))
                .containsExactly(
                        "id",
                        "name",
                        "description",
                        "metadata",
                        "scope",
                        "owner_id",
                        "is_default",
                        "created_at",
                        "updated_at",
                        "project_count");
        assertThat(properties(schemas, "LabelingBodies.ProjectView"))
                .containsExactly(
                        "type",
                        "name",
                        "param_history",
                        "created_at",
                        "created_by",
                        "archived",
                        "pinned",
                        "rapid",
                        "studio",
                        "pipeline",
                        "consensus_attempts",
                        "dataset_id");
        assertThat(properties(schemas, "LabelingBodies.NewProject"))
                .containsExactly(
                        "type", "name", "params", "rapid", "studio", "pipeline", "consensus_attempts", "dataset_id");

        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, Object> load =
                (Map<String, Object>) paths.get("/api/v1/projects/load").get("get");
        assertThat((List<String>) load.get("tags")).containsExactly("v1");
        String envelope = answerSchema(load);
        assertThat(envelope).isEqualTo("#/components/schemas/Envelope_V1Bodies.LoadedProject_");
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>)
                        ((Map<String, Object>) schemas.get(envelope.substring(envelope.lastIndexOf('/') + 1)))
                                .get("properties"))
                .get("data");
        assertThat(data.toString()).contains("#/components/schemas/V1Bodies.LoadedProject");
        Map<String, Object> workspaces =
                (Map<String, Object>) paths.get("/api/v1/workspaces/list").get("get");
        assertThat(answerSchema(workspaces)).isEqualTo("#/components/schemas/Envelope_List_V1Bodies.WorkspaceView__");

        Map<String, Object> create =
                (Map<String, Object>) paths.get("/v1/projects").get("post");
        assertThat((List<String>) create.get("tags")).containsExactly("labeling");
        assertThat(answerSchema(create)).isEqualTo("#/components/schemas/LabelingBodies.ProjectView");
        assertThat(create.get("requestBody").toString()).contains("#/components/schemas/LabelingBodies.NewProject");
        Map<String, Object> get =
                (Map<String, Object>) paths.get("/v1/projects/{name}").get("get");
        assertThat((List<String>) get.get("tags")).containsExactly("labeling");
        assertThat(answerSchema(get)).isEqualTo("#/components/schemas/LabelingBodies.ProjectView");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> properties(Map<String, Object> schemas, String name) {
        return ((Map<String, Object>) ((Map<String, Object>) schemas.get(name)).get("properties")).keySet();
    }

    /** The {@code $ref} of the JSON schema of an operation's 200 answer. */
    @SuppressWarnings("unchecked")
    private static String answerSchema(Map<String, Object> operation) {
        Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) operation.get("responses")).get("200");
        Map<String, Object> json =
                (Map<String, Object>) ((Map<String, Object>) ok.get("content")).get("application/json");
        return (String) ((Map<String, Object>) json.get("schema")).get("$ref");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_document_states_the_apache_2_licence_of_the_repository() {
        Map<String, Object> document =
                new Yaml().load(server.get("/openapi.yml", null).body());
        Map<String, Object> license = (Map<String, Object>) ((Map<String, Object>) document.get("info")).get("license");

        assertThat(license)
                .containsEntry("name", "Apache-2.0")
                .containsEntry("url", "https://www.apache.org/licenses/LICENSE-2.0");
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_operation_is_tagged_with_its_dialect_and_none_falls_under_default() {
        Map<String, Object> document =
                new Yaml().load(server.get("/openapi.yml", null).body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Map<String, String> tagOf = new java.util.TreeMap<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                List<String> tags = (List<String>) ((Map<String, Object>) operation).get("tags");
                tagOf.put(
                        method.toUpperCase(Locale.ROOT) + " " + path, tags == null ? "(none)" : String.join(",", tags));
            }
        }));

        assertThat(tagOf.values()).as("tags per operation: %s", tagOf).doesNotContain("(none)", "default");
        tagOf.forEach((operation, tag) -> {
            String path = operation.substring(operation.indexOf(' ') + 1);
            String expected = path.startsWith("/api/v1/admin")
                    ? "admin"
                    : path.startsWith("/api/v1/")
                            ? "v1"
                            : path.startsWith("/api/projects")
                                    ? "resource"
                                    : path.startsWith("/v1/projects") ? "labeling" : "operations";
            assertThat(tag).as(operation).isEqualTo(expected);
        });
    }

    @Test
    void the_reference_page_is_public_and_loads_only_assets_served_by_atelier() {
        Reply page = server.get("/docs", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/");
        assertThat(page.body()).contains("'/openapi.yml'");
        Matcher assets = Pattern.compile("\"(/docs/res/[^\"]+)\"").matcher(page.body());
        List<String> loaded = new ArrayList<>();
        while (assets.find()) {
            loaded.add(assets.group(1));
        }
        assertThat(loaded).contains("/docs/res/swagger-ui-bundle.js", "/docs/res/swagger-ui.css");
        for (String asset : loaded) {
            Reply served = server.get(asset, null);
            assertThat(served.status()).as(asset).isEqualTo(200);
            assertThat(served.body()).as(asset).isNotEmpty();
        }
    }

    /** "METHOD /path" of every route, path variables as in OpenAPI ({name}). */
    private List<String> routes() {
        Router router = server.context().getBean(Router.class);
        List<String> routes = new ArrayList<>();
        router.uriRoutes().filter(route -> !hidden(route)).forEach(route -> {
            routes.add(route.getHttpMethodName().toUpperCase(Locale.ROOT) + " " + openApiPath(route));
        });
        // Micronaut answers HEAD for every GET by itself: those are not separate operations
        routes.removeIf(route -> route.startsWith("HEAD ") && routes.contains("GET " + route.substring(5)));
        return routes;
    }

    private static boolean hidden(UriRouteInfo<?, ?> route) {
        return route.getTargetMethod().hasAnnotation(Hidden.class)
                || route.getTargetMethod().getDeclaringType().isAnnotationPresent(Hidden.class);
    }

    /** The route's template without query templates ({?x}), optional segments as plain ones. */
    static String openApiPath(UriRouteInfo<?, ?> route) {
        String template = route.getUriMatchTemplate().toString();
        template = template.replaceAll("\\{\\?[^}]*}", "");
        template = template.replaceAll("\\{/([^}:]+)(:[^}]*)?}", "/{$1}");
        template = template.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
        if (template.length() > 1 && template.endsWith("/")) {
            template = template.substring(0, template.length() - 1);
        }
        return template;
    }

    @SuppressWarnings("unchecked")
    private Set<String> documentedOperations() {
        Reply reply = server.get("/openapi.yml", null);
        assertThat(reply.status()).isEqualTo(200);
        Map<String, Object> document = new Yaml().load(reply.body());
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, item) -> item.keySet().stream()
                .filter(METHODS::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
