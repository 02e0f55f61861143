package dev.atelier.http.conformance;

import dev.atelier.http.conformance.WireRequest.Header;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A request as the curl command line (7.88) writes it, for the reference documents' cURL examples:
 * {@code Host}, {@code User-Agent: curl/7.88.1}, {@code Accept: *}{@code /*}, the {@code -H} headers
 * in command-line order, then {@code Content-Length} (and, for {@code -F}, the multipart
 * {@code Content-Type}). The URL goes out as typed (curl does not re-encode a query). {@code -d}
 * sends its text as it is, new lines included; {@code -F name=@file} parts carry the file's base
 * name and the content type curl guesses from the extension. {@code WireFidelityTest} holds this
 * against what curl sent (captured once, kept with the tests).
 */
final class Curl {
    static final String USER_AGENT = "curl/7.88.1";

    /** curl's guesses by file extension; anything else is application/octet-stream. */
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "gif", "image/gif",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "svg", "image/svg+xml",
            "txt", "text/plain",
            "htm", "text/html",
            "html", "text/html",
            "pdf", "application/pdf",
            "xml", "application/xml");

    private final String method;
    private final String url;
    private final List<Header> headers = new ArrayList<>();
    private final List<Part> form = new ArrayList<>();
    private String data;
    private String boundary = "------------------------"
            + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

    private record Part(String name, String value, String filename, byte[] content) {}

    private Curl(String method, String url) {
        this.method = method;
        this.url = url;
    }

    /** {@code curl -X METHOD "url"} (or plain {@code curl "url"}: method GET). */
    static Curl command(String method, String url) {
        return new Curl(method, url);
    }

    /** {@code -H "Name: value"}. */
    Curl header(String line) {
        int colon = line.indexOf(':');
        headers.add(
                new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
        return this;
    }

    /** {@code -d 'text'}. */
    Curl data(String text) {
        this.data = text;
        return this;
    }

    /** {@code -F "name=value"}. */
    Curl form(String name, String value) {
        form.add(new Part(name, value, null, null));
        return this;
    }

    /** {@code -F "name=@path"}: the file's base name and content. */
    Curl formFile(String name, String filename, byte[] content) {
        form.add(new Part(name, null, filename, content));
        return this;
    }

    Curl boundary(String boundary) {
        this.boundary = boundary;
        return this;
    }

    WireRequest prepare() {
        List<Header> all = new ArrayList<>();
        all.add(new Header("User-Agent", USER_AGENT));
        all.add(new Header("Accept", "*/*"));
        all.addAll(headers);
        byte[] body = null;
        if (data != null) {
            if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))) {
                throw new IllegalArgumentException("every -d example of the reference documents sets a Content-Type");
            }
            body = data.getBytes(StandardCharsets.UTF_8);
            all.add(new Header("Content-Length", Integer.toString(body.length)));
        } else if (!form.isEmpty()) {
            body = multipart();
            all.add(new Header("Content-Length", Integer.toString(body.length)));
            all.add(new Header("Content-Type", "multipart/form-data; boundary=" + boundary));
        }
        return new WireRequest(method, URI.create(url), List.copyOf(all), body);
    }

    private byte[] multipart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Part p : form) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(p.name())
                    .append('"');
            byte[] content;
            if (p.filename() != null) {
                head.append("; filename=\"").append(p.filename()).append("\"\r\n");
                head.append("Content-Type: ").append(contentType(p.filename()));
                content = p.content();
            } else {
                content = p.value().getBytes(StandardCharsets.UTF_8);
            }
            head.append("\r\n\r\n");
            out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private static String contentType(String filename) {
        int dot = filename.lastIndexOf('.');
        String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
