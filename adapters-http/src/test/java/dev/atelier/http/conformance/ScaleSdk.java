package dev.atelier.http.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The project calls of Scale's Python SDK ({@code scaleapi} 2.18, public repository
 * scaleapi/scaleapi-python-client: {@code scaleapi/__init__.py} for the calls, {@code scaleapi/api.py}
 * for how they go out, {@code scaleapi/projects.py} for what it reads back), transcribed request for
 * request: a {@code requests.Session} call with {@code Content-Type: application/json} and the SDK's
 * own User-Agent on every method, {@code auth=(api_key, "")}, {@code params={}}, the body as
 * {@code json=body or None}; project names URL-quoted with {@code quote(name, safe="")}. Any status
 * but 200 raises with the answer's {@code error} field; a 200 is parsed into a {@link Project} the
 * way the SDK's {@code Project} class does (which needs {@code name}, {@code type} and, when the
 * {@code param_history} is not empty, the last entry's {@code version}).
 */
final class ScaleSdk {
    static final String USER_AGENT = "scaleapi/2.18.4 Python/3.11.7 OS/Linux-6.1.0-x86_64-with-glibc2.36";

    private final String apiInstanceUrl;
    private final String apiKey;

    /** {@code ScaleClient(api_key, api_instance_url=...)}; the SDK's default is https://api.scale.com/v1. */
    ScaleSdk(String apiInstanceUrl, String apiKey) {
        this.apiInstanceUrl = apiInstanceUrl;
        this.apiKey = apiKey;
    }

    /** What the SDK raises for a status other than 200: the answer's {@code error}, else its text. */
    static final class ScaleException extends RuntimeException {
        final int status;

        ScaleException(String message, int status) {
            super(message);
            this.status = status;
        }
    }

    /** {@code scaleapi.projects.Project}. */
    record Project(String name, String type, JsonNode params, Integer version, String instruction, JsonNode json) {
        static Project of(JsonNode json) {
            String name = Py.item(json, "name").asText();
            String type = Py.item(json, "type").asText();
            JsonNode history = Py.item(json, "param_history");
            if (history.isEmpty()) {
                return new Project(name, type, null, null, null, json);
            }
            JsonNode params = Py.item(history, -1);
            int version = Py.item(params, "version").asInt();
            String instruction =
                    params.has("instruction") ? params.get("instruction").asText() : null;
            return new Project(name, type, params, version, instruction, json);
        }

        /** {@code Project.__str__}. */
        @Override
        public String toString() {
            return "Project(name=" + name + ")";
        }
    }

    private JsonNode request(String method, String endpoint, Object body) {
        Answer answer = Answer.exchange(PythonRequests.request(method, apiInstanceUrl + "/" + endpoint)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .auth(apiKey, "")
                .json(body)
                .prepare());
        if (answer.status() != 200) {
            String message;
            try {
                JsonNode error = answer.json();
                message = error.has("error") ? error.get("error").asText() : answer.text();
            } catch (AssertionError notJson) {
                message = answer.text();
            }
            throw new ScaleException(message, answer.status());
        }
        return answer.json();
    }

    /** {@code client.get_project(project_name)}. */
    Project getProject(String projectName) {
        return Project.of(request("GET", "projects/" + quote(projectName), null));
    }

    /** {@code client.get_projects()} (the same as {@code client.projects()}). */
    List<Project> getProjects() {
        List<Project> projects = new ArrayList<>();
        for (JsonNode project : request("GET", "projects", null)) {
            projects.add(Project.of(project));
        }
        return projects;
    }

    /**
     * {@code client.create_project(project_name, task_type, params=None, rapid=False, studio=False,
     * dataset_id=None)}: the body keys are the SDK's, {@code datasetId} included.
     */
    Project createProject(
            String projectName,
            String taskType,
            Map<String, Object> params,
            boolean rapid,
            boolean studio,
            String datasetId) {
        Map<String, Object> payload = Py.dict(
                "type",
                taskType,
                "name",
                projectName,
                "params",
                params,
                "rapid",
                rapid,
                "studio",
                studio,
                "datasetId",
                datasetId);
        return Project.of(request("POST", "projects", payload));
    }

    /** {@code client.update_project(project_name, **kwargs)}: the keyword arguments are the body. */
    Project updateProject(String projectName, Map<String, Object> kwargs) {
        return Project.of(
                request("POST", "projects/" + quote(projectName) + "/setParams", kwargs.isEmpty() ? null : kwargs));
    }

    private static String quote(String name) {
        return PythonRequests.quote(name);
    }
}
