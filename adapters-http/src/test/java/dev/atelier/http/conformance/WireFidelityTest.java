package dev.atelier.http.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The suite's reproduction of python-requests and curl, byte for byte against what the real
 * clients sent (requests 2.34.2, curl 7.88.1; captured by {@code wire/capture.py} next to the
 * golden files, which replaces the port and the multipart boundary by {@code PORT} and
 * {@code BOUNDARY}). If a reproduction drifts from the real client, every conformance test that
 * uses it would be testing a request no real client sends; this test says so first.
 */
class WireFidelityTest {
    private static final String BASE = "http://127.0.0.1:40000";
    private static final String PY_BOUNDARY = "0123456789abcdef0123456789abcdef";
    private static final String CURL_BOUNDARY = "------------------------0123456789abcdef";
    private static final byte[] CSV = "customer_id,segment\n1,gold\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] PDF = {
        '%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', '%', (byte) 0xe2, (byte) 0xe3, (byte) 0xcf, (byte) 0xd3, '\n'
    };
    private static final String CONTEXT =
            "Analyze customer purchase patterns\nand identify high-value segments & more: 100% café *~+/?=";
    private static final String SCALE_UA = ScaleSdk.USER_AGENT;

    private static void assertSameAs(String golden, WireRequest request) {
        String expected;
        try (InputStream in = WireFidelityTest.class.getResourceAsStream("wire/" + golden + ".http")) {
            assertThat(in).as("golden file wire/%s.http", golden).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String actual = new String(request.bytes(), StandardCharsets.ISO_8859_1)
                .replace("127.0.0.1:40000", "127.0.0.1:PORT")
                .replace(PY_BOUNDARY, "BOUNDARY")
                .replaceAll("-{24}[0-9a-f]{16}", "BOUNDARY");
        assertThat(actual).as(golden).isEqualTo(expected);
    }

    /** Every JSON escape and number form a Python client produces. */
    private static Map<String, Object> payload() {
        Map<String, Object> metadata = Py.dict(
                "department",
                "risk_management",
                "priority",
                "high",
                "count",
                3,
                "ratio",
                0.25,
                "big",
                1e16,
                "small",
                1e-05,
                "on",
                true,
                "off",
                false,
                "none",
                null,
                "list",
                List.of(1, "a", List.of()),
                "empty",
                Map.of());
        Map<String, Object> project = Py.dict(
                "name",
                "Financial Risk Analysis",
                "description",
                "Café – \"quoted\" back\\slash\ttab\nline \uD83D\uDE00 \u007f\u0001",
                "metadata",
                metadata);
        return Map.of("project", project);
    }

    @Test
    void json_with_a_content_type_header_as_requests_sends_it() {
        assertSameAs(
                "python-post-json-with-content-type",
                PythonRequests.post(BASE + "/api/v1/projects/workspace_id/save")
                        .header("Authorization", "Bearer TOKEN")
                        .header("Content-Type", "application/json")
                        .json(payload())
                        .prepare());
    }

    @Test
    void json_post_and_put_as_requests_sends_them() {
        Map<String, Object> body = Py.dict("name", "Churn Prediction", "description", "Telco customer churn");
        assertSameAs(
                "python-post-json",
                PythonRequests.post(BASE + "/api/projects")
                        .header("Authorization", "Bearer KEY")
                        .json(body)
                        .prepare());
        Map<String, Object> update = Py.dict("name", "Churn Prediction v2", "description", "Updated scope");
        assertSameAs(
                "python-put-json",
                PythonRequests.put(BASE + "/api/projects/d4e5f6a7")
                        .header("Authorization", "Bearer KEY")
                        .json(update)
                        .prepare());
    }

    @Test
    void query_parameters_as_requests_encodes_them() {
        assertSameAs(
                "python-get-params",
                PythonRequests.get(BASE + "/api/v1/projects/workspace_id/list")
                        .header("Authorization", "Bearer TOKEN")
                        .param("scopes", "user,organization")
                        .prepare());
        assertSameAs(
                "python-get-params-number",
                PythonRequests.get(BASE + "/api/projects")
                        .header("Authorization", "Bearer KEY")
                        .param("limit", 10)
                        .param("search", "fraud")
                        .prepare());
    }

    @Test
    void a_data_dict_without_files_is_url_encoded_as_requests_sends_it() {
        assertSameAs(
                "python-post-form",
                PythonRequests.post(BASE + "/api/v1/projects/workspace_id/create-from-context")
                        .header("Authorization", "Bearer TOKEN")
                        .data("context", CONTEXT)
                        .data("scope", "user")
                        .prepare());
    }

    @Test
    void data_with_files_is_multipart_as_requests_sends_it() {
        assertSameAs(
                "python-post-multipart",
                PythonRequests.post(BASE + "/api/v1/projects/workspace_id/create-from-context")
                        .header("Authorization", "Bearer TOKEN")
                        .data("context", CONTEXT)
                        .data("scope", "user")
                        .file("files", "customer_data.csv", CSV)
                        .file("files", "marketing_report.pdf", PDF)
                        .boundary(PY_BOUNDARY)
                        .prepare());
    }

    @Test
    void basic_auth_with_the_key_as_user_name_as_requests_sends_it() {
        assertSameAs(
                "python-get-basic-auth",
                PythonRequests.get(BASE + "/v1/projects/kitten_labeling")
                        .header("accept", "application/json")
                        .auth("KEY", "")
                        .prepare());
        assertSameAs(
                "python-get-basic-auth-object",
                PythonRequests.get(BASE + "/v1/projects")
                        .header("accept", "application/json")
                        .auth("KEY", "")
                        .prepare());
        assertSameAs(
                "python-post-json-basic-auth",
                PythonRequests.post(BASE + "/v1/projects/kitten_labeling/setParams")
                        .json(Map.of("patch", "false"))
                        .header("accept", "application/json")
                        .header("content-type", "application/json")
                        .auth("KEY", "")
                        .prepare());
    }

    @Test
    void a_get_with_a_json_content_type_and_no_body_as_the_current_prometheux_sdk_sends_it() {
        assertSameAs(
                "python-request-get-json-none",
                PythonRequests.request("GET", BASE + "/api/v1/projects/load")
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer TOKEN")
                        .json(null)
                        .param("project_id", "p-1")
                        .param("scope", "user")
                        .prepare());
    }

    @Test
    void the_scale_sdk_session_calls_as_it_sends_them() {
        assertSameAs(
                "scale-sdk-get",
                PythonRequests.request("GET", BASE + "/v1/projects/" + PythonRequests.quote("kitten labeling"))
                        .header("Content-Type", "application/json")
                        .header("User-Agent", SCALE_UA)
                        .auth("KEY", "")
                        .prepare());
        Map<String, Object> create = Py.dict(
                "type",
                "imageannotation",
                "name",
                "project_name",
                "params",
                null,
                "rapid",
                false,
                "studio",
                false,
                "datasetId",
                null);
        assertSameAs(
                "scale-sdk-post",
                PythonRequests.request("POST", BASE + "/v1/projects")
                        .header("Content-Type", "application/json")
                        .header("User-Agent", SCALE_UA)
                        .auth("KEY", "")
                        .json(create)
                        .prepare());
        assertSameAs(
                "scale-sdk-post-without-body",
                PythonRequests.request("POST", BASE + "/v1/projects/x/setParams")
                        .header("Content-Type", "application/json")
                        .header("User-Agent", SCALE_UA)
                        .auth("KEY", "")
                        .prepare());
    }

    @Test
    void curl_examples_as_curl_sends_them() {
        assertSameAs(
                "curl-post-json",
                Curl.command("POST", BASE + "/api/v1/projects/workspace_id/save")
                        .header("Content-Type: application/json")
                        .header("Authorization: Bearer YOUR_JWT_TOKEN")
                        .data("{\n\"project\": {\n\"name\": \"Financial Risk Analysis\"\n}\n}")
                        .prepare());
        assertSameAs(
                "curl-get",
                Curl.command("GET", BASE + "/api/v1/projects/workspace_id/list?scopes=user,organization")
                        .header("Authorization: Bearer YOUR_JWT_TOKEN")
                        .prepare());
        assertSameAs(
                "curl-delete",
                Curl.command("DELETE", BASE + "/api/projects/d4e5f6a7")
                        .header("Authorization: Bearer YOUR_API_KEY")
                        .prepare());
        assertSameAs(
                "curl-put-json",
                Curl.command("PUT", BASE + "/api/projects/d4e5f6a7")
                        .header("Authorization: Bearer YOUR_API_KEY")
                        .header("Content-Type: application/json")
                        .data("{\"name\": \"Churn Prediction v2\", \"description\": \"Updated scope\"}")
                        .prepare());
        assertSameAs(
                "curl-post-multipart",
                Curl.command("POST", BASE + "/api/v1/projects/workspace_id/create-from-context")
                        .header("Authorization: Bearer YOUR_JWT_TOKEN")
                        .form("context", "Analyze customer purchase patterns")
                        .form("scope", "user")
                        .formFile("files", "customer_data.csv", CSV)
                        .formFile("files", "marketing_report.pdf", PDF)
                        .boundary(CURL_BOUNDARY)
                        .prepare());
    }

    @Test
    void python_float_repr_and_string_escapes() {
        List<String> reprs = new ArrayList<>();
        for (double d : new double[] {0.0, -0.0, 1.5, 100.0, 1e15, 1e16, 1.25e17, 1e-4, 1e-5, 123456.789, 0.1}) {
            reprs.add(PythonJson.floatRepr(d));
        }
        assertThat(reprs)
                .containsExactly(
                        "0.0",
                        "-0.0",
                        "1.5",
                        "100.0",
                        "1000000000000000.0",
                        "1e+16",
                        "1.25e+17",
                        "0.0001",
                        "1e-05",
                        "123456.789",
                        "0.1");
        assertThat(PythonJson.dumps(Map.of("k", "é\u2028\""))).isEqualTo("{\"k\": \"\\u00e9\\u2028\\\"\"}");
    }
}
