package dev.atelier.http.limits;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.http.HttpRequest;
import java.util.function.Function;

/** The create endpoint of each dialect, how its body wraps a project's fields, and how its clients sign in. */
enum Dialect {
    V1("/api/v1/projects/workspace_id/save", fields -> "{\"project\": {" + fields + "}}"),
    RESOURCE("/api/projects", fields -> "{" + fields + "}"),
    LABELING("/v1/projects", fields -> "{\"type\": \"imageannotation\", " + fields + "}");

    final String path;
    final Function<String, String> body;

    Dialect(String path, Function<String, String> body) {
        this.path = path;
        this.body = body;
    }

    /** POSTs {@code body} as JSON to {@code path} as {@code user}: Basic in the labeling dialect, else Bearer. */
    Reply post(AtelierServer server, TestUser user, String path, byte[] body) {
        HttpRequest request = server.request(path, null)
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        this == LABELING ? AtelierServer.basicAuth(user.token()) : "Bearer " + user.token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return server.send(request);
    }
}
