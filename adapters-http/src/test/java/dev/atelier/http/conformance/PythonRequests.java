package dev.atelier.http.conformance;

import dev.atelier.http.conformance.WireRequest.Header;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A request as the Python {@code requests} library (2.34) prepares it, so that the suite sends
 * what a Python client of the reference documents sends, byte for byte, without Python:
 *
 * <ul>
 *   <li>headers: the session defaults ({@code User-Agent: python-requests/2.34.2},
 *       {@code Accept-Encoding: gzip, deflate}, {@code Accept: *}{@code /*}, {@code Connection:
 *       keep-alive}), then the caller's headers merged case-insensitively (a header already present
 *       keeps its place and takes the caller's spelling), then {@code Content-Length} and the body's
 *       {@code Content-Type} unless the caller set one, then {@code Authorization} from {@code auth};
 *   <li>{@code params=}: appended to the URL with {@code urlencode} ({@code quote_plus}: space as
 *       {@code +}, everything but {@code A-Za-z0-9_.-~} percent-encoded);
 *   <li>{@code json=}: {@link PythonJson} text, {@code application/json};
 *   <li>{@code data=} a dict without files: {@code application/x-www-form-urlencoded};
 *   <li>{@code files=}: {@code multipart/form-data} with a 32-hex-digit boundary, the {@code data}
 *       fields first, each file part with its file name and no content type;
 *   <li>{@code auth=(key, '')} or {@code HTTPBasicAuth(key, '')}: {@code Basic base64(key:)}.
 * </ul>
 *
 * <p>{@code WireFidelityTest} holds this against what the real library sent (captured once, kept
 * with the tests).
 */
final class PythonRequests {
    static final String USER_AGENT = "python-requests/2.34.2";

    private final String method;
    private final String url;
    private final List<Header> headers = new ArrayList<>();
    private final List<Map.Entry<String, Object>> params = new ArrayList<>();
    private final List<Map.Entry<String, Object>> data = new ArrayList<>();
    private final List<FilePart> files = new ArrayList<>();
    private Object json;
    private boolean hasJson;
    private String raw;
    private String basicUser;
    private String basicPassword;
    private String boundary = UUID.randomUUID().toString().replace("-", "");

    private record FilePart(String field, String filename, byte[] content) {}

    private PythonRequests(String method, String url) {
        this.method = method;
        this.url = url;
    }

    /** {@code requests.request(method, url, ...)}. */
    static PythonRequests request(String method, String url) {
        return new PythonRequests(method.toUpperCase(Locale.ROOT), url);
    }

    static PythonRequests get(String url) {
        return request("GET", url);
    }

    static PythonRequests post(String url) {
        return request("POST", url);
    }

    static PythonRequests put(String url) {
        return request("PUT", url);
    }

    /** {@code headers={name: value, ...}} in dict order; a null value removes the default header. */
    PythonRequests header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** One {@code params=} entry (in dict order); null values are left out, as requests does. */
    PythonRequests param(String name, Object value) {
        params.add(Map.entry(name, value == null ? NONE : value));
        return this;
    }

    /** {@code json=value}; {@code json=None} is the same as not passing it. */
    PythonRequests json(Object value) {
        this.json = value;
        this.hasJson = value != null;
        return this;
    }

    /** One {@code data=} dict entry (in dict order); null values are left out. */
    PythonRequests data(String name, Object value) {
        data.add(Map.entry(name, value == null ? NONE : value));
        return this;
    }

    /** {@code data="text"}: the text as the body, as it is, with no content type of its own. */
    PythonRequests rawData(String text) {
        this.raw = text;
        return this;
    }

    /** One {@code files=[(field, open(path, 'rb'))]} entry: the part's file name is the path's base name. */
    PythonRequests file(String field, String filename, byte[] content) {
        files.add(new FilePart(field, filename, content));
        return this;
    }

    /** {@code auth=(user, password)} or {@code auth=HTTPBasicAuth(user, password)}. */
    PythonRequests auth(String user, String password) {
        this.basicUser = user;
        this.basicPassword = password;
        return this;
    }

    /** The multipart boundary (random by default, as urllib3's {@code uuid4().hex}). */
    PythonRequests boundary(String boundary) {
        this.boundary = boundary;
        return this;
    }

    private static final Object NONE = new Object();

    WireRequest prepare() {
        // session defaults, then the caller's headers merged into them
        Headers h = new Headers();
        h.put("User-Agent", USER_AGENT);
        h.put("Accept-Encoding", "gzip, deflate");
        h.put("Accept", "*/*");
        h.put("Connection", "keep-alive");
        for (Header header : headers) {
            if (header.value() == null) {
                h.remove(header.name());
            } else {
                h.put(header.name(), header.value());
            }
        }

        String target = url;
        String query = urlencode(params);
        if (!query.isEmpty()) {
            target += (url.contains("?") ? "&" : "?") + query;
        }
        URI uri = URI.create(requoteUri(target));

        byte[] body = null;
        String contentType = null;
        if (!files.isEmpty()) {
            body = multipart();
            contentType = "multipart/form-data; boundary=" + boundary;
        } else if (raw != null) {
            body = raw.isEmpty() ? null : raw.getBytes(StandardCharsets.UTF_8);
        } else if (!data.isEmpty()) {
            body = urlencode(data).getBytes(StandardCharsets.US_ASCII);
            contentType = "application/x-www-form-urlencoded";
        } else if (hasJson) {
            body = PythonJson.dumps(json).getBytes(StandardCharsets.UTF_8);
            contentType = "application/json";
        }
        if (body != null && body.length > 0) {
            h.put("Content-Length", Integer.toString(body.length));
        } else if (body == null && !method.equals("GET") && !method.equals("HEAD")) {
            h.put("Content-Length", "0");
        }
        if (contentType != null && h.get("Content-Type") == null) {
            h.put("Content-Type", contentType);
        }
        if (basicUser != null) {
            String pair = basicUser + ":" + basicPassword;
            h.put(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.ISO_8859_1)));
        }
        return new WireRequest(method, uri, h.list(), body);
    }

    /** urllib3's {@code encode_multipart_formdata}: data fields, then files. */
    private byte[] multipart() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, Object> field : data) {
            if (field.getValue() == NONE) {
                continue;
            }
            part(out, "form-data; name=\"" + headerParam(field.getKey()) + "\"", text(field.getValue()));
        }
        for (FilePart file : files) {
            part(
                    out,
                    "form-data; name=\"" + headerParam(file.field()) + "\"; filename=\"" + headerParam(file.filename())
                            + "\"",
                    file.content());
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    private void part(ByteArrayOutputStream out, String disposition, byte[] content) {
        out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("Content-Disposition: " + disposition + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    /** urllib3's HTML5-style escaping of a multipart header parameter. */
    private static String headerParam(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"') {
                out.append("%22");
            } else if (c == '\\') {
                out.append("\\\\");
            } else if (c < 0x20 && c != 0x1B) {
                out.append(String.format("%%%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] text(Object value) {
        return (value instanceof byte[] bytes
                ? bytes
                : String.valueOf(pythonStr(value)).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code str(value)} for the values a form or query carries. */
    private static String pythonStr(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }

    /** {@code urlencode(pairs, doseq=True)}; list values repeat the key, as requests sends them. */
    static String urlencode(List<Map.Entry<String, Object>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Object> pair : pairs) {
            List<?> values = pair.getValue() instanceof List<?> list ? list : List.of(pair.getValue());
            for (Object value : values) {
                if (value == NONE || value == null) {
                    continue;
                }
                if (!out.isEmpty()) {
                    out.append('&');
                }
                out.append(quotePlus(pair.getKey())).append('=').append(quotePlus(pythonStr(value)));
            }
        }
        return out.toString();
    }

    /** Python's {@code quote_plus}: UTF-8, space as {@code +}, only {@code A-Za-z0-9_.-~} left as they are. */
    static String quotePlus(String s) {
        return quote(s, true);
    }

    /** Python's {@code urllib.parse.quote(s, safe="")}: as {@link #quotePlus}, but space as {@code %20}. */
    static String quote(String s) {
        return quote(s, false);
    }

    private static String quote(String s, boolean plus) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c)) {
                out.append((char) c);
            } else if (c == ' ' && plus) {
                out.append('+');
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "_.-~".indexOf(c) >= 0;
    }

    /**
     * requests' {@code requote_uri}: percent-escapes of unreserved characters are decoded, then
     * everything but the unreserved characters, {@code %} and {@code !#$&'()*+,/:;=?@[]~} is escaped.
     */
    static String requoteUri(String uri) {
        StringBuilder unquoted = new StringBuilder();
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length()) {
                int decoded = Integer.parseInt(uri.substring(i + 1, i + 3), 16);
                if (unreserved(decoded)) {
                    unquoted.append((char) decoded);
                    i += 2;
                    continue;
                }
            }
            unquoted.append(c);
        }
        StringBuilder out = new StringBuilder();
        for (byte b : unquoted.toString().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (unreserved(c) || "!#$%&'()*+,/:;=?@[]~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    /** requests' CaseInsensitiveDict: insertion order, a replaced key keeps its place and takes the new spelling. */
    private static final class Headers {
        private final LinkedHashMap<String, Header> byLowerName = new LinkedHashMap<>();

        void put(String name, String value) {
            byLowerName.put(name.toLowerCase(Locale.ROOT), new Header(name, value));
        }

        void remove(String name) {
            byLowerName.remove(name.toLowerCase(Locale.ROOT));
        }

        String get(String name) {
            Header h = byLowerName.get(name.toLowerCase(Locale.ROOT));
            return h == null ? null : h.value();
        }

        List<Header> list() {
            return List.copyOf(byLowerName.values());
        }
    }
}
