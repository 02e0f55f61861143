package dev.atelier.http.conformance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 request exactly as a client writes it: the request line, {@code Host} first (as both
 * curl and urllib3 write it), then the client's headers in the client's order and spelling, then
 * the body bytes. {@link #bytes()} is what goes onto the socket.
 */
record WireRequest(String method, URI url, List<Header> headers, byte[] body) {
    record Header(String name, String value) {}

    /** The request target: path and query as the client encoded them. */
    String target() {
        String path = url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    String header(String name) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase(name))
                .map(Header::value)
                .findFirst()
                .orElse(null);
    }

    byte[] bytes() {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(url.getRawAuthority()).append("\r\n");
        for (Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }
}
