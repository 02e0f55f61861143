package dev.atelier.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * An HTTP server on loopback that answers every request like a chat provider would, following a
 * script (status, assistant text, delay), and records what it was asked.
 */
final class ScriptedProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Script(int status, String assistantText, long delayMillis) {}

    record Seen(String method, String path, String body) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final String provider;
    private final SSLContext tls;
    private volatile Script script;

    ScriptedProvider(String provider, Script script) {
        this(provider, script, null);
    }

    /** With {@code tls}, an HTTPS server presenting that context's certificate. */
    ScriptedProvider(String provider, Script script, SSLContext tls) {
        this.provider = provider;
        this.script = script;
        this.tls = tls;
        try {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (tls == null) {
                server = HttpServer.create(loopback, 0);
            } else {
                HttpsServer https = HttpsServer.create(loopback, 0);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(new Seen(
                    exchange.getRequestMethod(), exchange.getRequestURI().toString(), body));
            Script s = this.script;
            try {
                Thread.sleep(s.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] out = (s.status() == 200 ? success(s.assistantText()) : error(s.status()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(s.status(), out.length);
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        });
        server.start();
    }

    String baseUrl() {
        String root = (tls == null ? "http" : "https") + "://127.0.0.1:"
                + server.getAddress().getPort();
        return switch (provider) {
            case "openai", "mistral" -> root + "/v1";
            case "anthropic" -> root + "/v1/";
            case "gemini" -> root + "/v1beta";
            default -> root; // ollama, azure-openai
        };
    }

    List<Seen> seen() {
        return seen;
    }

    private String success(String text) {
        String t = quote(text);
        return switch (provider) {
            case "openai", "mistral", "azure-openai" -> """
                {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"scripted",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46}}""".formatted(t);
            case "ollama" -> """
                {"model":"llama3.1","created_at":"2025-01-01T00:00:00Z",
                 "message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","prompt_eval_count":12,"eval_count":34}""".formatted(t);
            case "anthropic" -> """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-scripted",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":12,"output_tokens":34}}""".formatted(t);
            case "gemini" -> """
                {"candidates":[{"content":{"role":"model","parts":[{"text":%s}]},"finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":34,"totalTokenCount":46},
                 "modelVersion":"gemini-scripted"}""".formatted(t);
            default -> throw new IllegalStateException(provider);
        };
    }

    private String error(int status) {
        return switch (provider) {
            case "anthropic" ->
                "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"scripted failure\"}}";
            case "gemini" ->
                "{\"error\":{\"code\":" + status + ",\"message\":\"scripted failure\",\"status\":\"INTERNAL\"}}";
            case "ollama" -> "{\"error\":\"scripted failure\"}";
            default -> "{\"error\":{\"message\":\"scripted failure\",\"type\":\"server_error\",\"code\":null}}";
        };
    }

    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
