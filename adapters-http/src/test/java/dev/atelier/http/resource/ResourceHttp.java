package dev.atelier.http.resource;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Helpers for the resource dialect's binary and multipart requests. */
final class ResourceHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private ResourceHttp() {}

    static Reply put(AtelierServer server, String path, String token, String json, String ifMatch) {
        HttpRequest.Builder b = server.request(path, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return server.send(b.build());
    }

    static Reply multipart(
            AtelierServer server, String path, String token, String part, String filename, byte[] bytes) {
        String boundary = "----atelier-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return server.send(server.request(path, token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    static Reply postBytes(AtelierServer server, String path, String token, String contentType, byte[] bytes) {
        return server.send(server.request(path, token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    record Binary(int status, String contentType, byte[] body) {}

    static Binary getBytes(AtelierServer server, String path, String token) {
        try {
            HttpResponse<byte[]> r =
                    CLIENT.send(server.request(path, token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Binary(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
