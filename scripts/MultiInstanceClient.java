// Concurrent client of scripts/multi-instance.sh (run with `java MultiInstanceClient.java ...`).
//
//   java MultiInstanceClient.java write BASE_URL TOKEN THREADS SECONDS MAX_WRITES LOG_FILE
//     THREADS workers save projects through BASE_URL (each then reads its project back) until
//     SECONDS have passed or MAX_WRITES saves were sent. One line per request in LOG_FILE:
//     "<start epoch ms> <end epoch ms> <method> <status> <project id or ->" (status 0 = no answer).
//   java MultiInstanceClient.java verify BASE_URL TOKEN LOG_FILE
//     reads back every acknowledged (2xx) save of LOG_FILE; prints "verified N missing M".
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class MultiInstanceClient {
    private static final Pattern PROJECT_ID = Pattern.compile("\"project_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "write" -> write(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]));
            case "verify" -> verify(args[1], args[2], Path.of(args[3]));
            default -> throw new IllegalArgumentException("write or verify");
        }
    }

    static void write(String base, String token, int threads, int seconds, int maxWrites, Path log)
            throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        AtomicInteger sent = new AtomicInteger();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(log))) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                int worker = t;
                pool.submit(() -> {
                    while (System.currentTimeMillis() < deadline && sent.incrementAndGet() <= maxWrites) {
                        String name = "mi-" + worker + "-" + sent.get() + "-" + System.nanoTime();
                        String body = "{\"project\":{\"name\":\"" + name + "\",\"description\":\"multi-instance\"}}";
                        Result saved = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/save"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .timeout(Duration.ofSeconds(30))
                                .build());
                        String id = saved.status / 100 == 2 ? projectId(saved.body) : null;
                        record(out, saved, "POST", id == null ? "-" : id);
                        if (id != null) {
                            Result read = load(base, token, id);
                            record(out, read, "GET", id);
                        }
                    }
                    return null;
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS)) {
                pool.shutdownNow();
                throw new IllegalStateException("client did not finish in time");
            }
        }
    }

    static void verify(String base, String token, Path log) throws IOException {
        int verified = 0;
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] f = line.split(" ");
            if (!f[2].equals("POST") || Integer.parseInt(f[3]) / 100 != 2) {
                continue;
            }
            Result read = load(base, token, f[4]);
            if (read.status == 200 && read.body.contains(f[4])) {
                verified++;
            } else {
                missing.add(f[4] + " (HTTP " + read.status + ")");
            }
        }
        missing.forEach(m -> System.out.println("missing acknowledged write: " + m));
        System.out.println("verified " + verified + " missing " + missing.size());
    }

    static Result load(String base, String token, String id) {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/projects/load?project_id=" + id))
                .header("Authorization", "Bearer " + token)
                .GET()
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    static synchronized void record(PrintWriter out, Result r, String method, String id) {
        out.println(r.start + " " + r.end + " " + method + " " + r.status + " " + id);
        out.flush();
    }

    static String projectId(String body) {
        Matcher m = PROJECT_ID.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    record Result(long start, long end, int status, String body) {}

    static Result send(HttpRequest request) {
        long start = System.currentTimeMillis();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(start, System.currentTimeMillis(), response.statusCode(), response.body());
        } catch (IOException e) {
            return new Result(start, System.currentTimeMillis(), 0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(start, System.currentTimeMillis(), 0, "");
        }
    }
}
