package dev.atelier.http.error;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three wire dialects Atelier speaks, told apart by the request path, each with its own error
 * shape. Everything that is not one of the other dialects answers errors in the v1 envelope.
 */
public enum Dialect {
    /** {@code /api/v1/**}: {@code {"status":"error","message":"...","data":null}}. */
    V1_ENVELOPE("/api/v1") {
        @Override
        public Object errorBody(HttpStatus status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", "error");
            body.put("message", message);
            body.put("data", null);
            return body;
        }
    },
    /** {@code /api/projects/**}: RFC 9457 problem details. */
    RESOURCE("/api/projects") {
        @Override
        public Object errorBody(HttpStatus status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "about:blank");
            body.put("title", status.getReason());
            body.put("status", status.getCode());
            body.put("detail", message);
            return body;
        }

        @Override
        public MediaType errorMediaType() {
            return PROBLEM_JSON;
        }
    },
    /** {@code /v1/projects/**}: {@code {"error":"message"}}. */
    LABELING("/v1/projects") {
        @Override
        public Object errorBody(HttpStatus status, String message) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", message);
            return body;
        }

        @Override
        public String challenge() {
            return "Basic realm=\"atelier\"";
        }
    };

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private final String prefix;

    Dialect(String prefix) {
        this.prefix = prefix;
    }

    /** The JSON body of an error answer in this dialect. */
    public abstract Object errorBody(HttpStatus status, String message);

    public MediaType errorMediaType() {
        return MediaType.APPLICATION_JSON_TYPE;
    }

    /** The {@code WWW-Authenticate} challenge of a 401: this dialect's clients' way to send the key. */
    public String challenge() {
        return "Bearer realm=\"atelier\"";
    }

    /** Whether {@code path} belongs to this dialect ({@code prefix} itself or anything below it). */
    public boolean owns(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public static Dialect of(HttpRequest<?> request) {
        return forPath(request.getPath());
    }

    public static Dialect forPath(String path) {
        if (path != null) {
            for (Dialect dialect : values()) {
                if (dialect.owns(path)) {
                    return dialect;
                }
            }
        }
        return V1_ENVELOPE;
    }
}
