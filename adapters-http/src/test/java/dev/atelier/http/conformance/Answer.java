package dev.atelier.http.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.http.conformance.WireRequest.Header;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * An HTTP answer as a client library hands it to the example's code: status, headers, and the body
 * already de-chunked and decompressed ({@code requests} decodes {@code gzip} and {@code deflate}
 * itself, and asks for them in every request), with {@code text()} and {@code json()} as the
 * examples read it ({@code response.text}, {@code response.json()}, {@code resp.content}).
 */
record Answer(int status, List<Header> headers, byte[] content) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Writes {@code request} onto a new connection to its host and reads one whole answer. */
    static Answer exchange(WireRequest request) {
        try (Socket socket = new Socket(request.url().getHost(), request.url().getPort())) {
            socket.setSoTimeout(120_000);
            socket.getOutputStream().write(request.bytes());
            socket.getOutputStream().flush();
            return read(socket.getInputStream(), request.method().equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request.method() + " " + request.target(), e);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        List<Header> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(new Header(
                    line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        byte[] body;
        String length = first(headers, "Content-Length");
        String transfer = first(headers, "Transfer-Encoding");
        if (head || status == 204 || status == 304) {
            body = new byte[0];
        } else if (transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        String encoding = first(headers, "Content-Encoding");
        if (encoding != null && !encoding.isBlank() && body.length > 0) {
            body = decode(encoding.strip().toLowerCase(Locale.ROOT), body);
        }
        return new Answer(status, List.copyOf(headers), body);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return out.toByteArray();
            }
            out.writeBytes(in.readNBytes(n));
            line(in);
        }
    }

    private static byte[] decode(String encoding, byte[] body) throws IOException {
        InputStream decoded = switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(new ByteArrayInputStream(body));
            case "deflate" -> new InflaterInputStream(new ByteArrayInputStream(body));
            case "identity" -> new ByteArrayInputStream(body);
            default -> throw new IOException("a content encoding the client did not ask for: " + encoding);
        };
        try (decoded) {
            return decoded.readAllBytes();
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                throw new IOException("the connection closed in the middle of the answer");
            }
            if (c != '\r') {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String first(List<Header> headers, String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst()
                .orElse(null);
    }

    String header(String name) {
        return first(headers, name);
    }

    /** {@code response.text}: the body decoded as UTF-8 (every answer here declares JSON or UTF-8). */
    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    /** {@code response.json()}: fails, as the Python call raises, when the body is not JSON. */
    JsonNode json() {
        if (content.length == 0) {
            throw new AssertionError("response.json() raises: the body is empty (HTTP " + status + ")");
        }
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            throw new AssertionError("response.json() raises: the body is not JSON: " + text(), e);
        }
    }

    @Override
    public String toString() {
        return "HTTP " + status + " " + text();
    }
}
