package dev.atelier.llm;

import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ExtractedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Benchmark driver for bench/extraction (not a test; surefire ignores it). Modes:
 *
 * <ul>
 *   <li>{@code generate <dir> <files> <pages>}: writes a PDF corpus with PDFBox (seeded, repeatable);
 *   <li>{@code extract <dir> <rounds>}: extracts every PDF of the corpus {@code rounds} times with
 *       {@link TikaTextExtractor} after one warm-up round and prints files/s, MiB/s and characters;
 *   <li>{@code analyze <runs>}: latency of the offline analyzer (p50, p95) over varied contexts.
 * </ul>
 */
public final class ExtractionBench {
    private static final String[] WORDS = ("customer segment revenue churn forecast inventory supplier quarter"
                    + " growth margin campaign retention sensor downtime maintenance patient readmission risk"
                    + " credit default portfolio energy load grid ticket routing employee attrition survey"
                    + " analysis model dataset report region product channel price discount seasonal trend")
            .split(" ");

    private ExtractionBench() {}

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate" -> generate(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "extract" -> extract(Path.of(args[1]), Integer.parseInt(args[2]));
            case "analyze" -> analyze(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException("mode: generate | extract | analyze");
        }
    }

    private static void generate(Path dir, int files, int pages) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(42);
        for (int f = 0; f < files; f++) {
            List<String> content = new ArrayList<>();
            for (int p = 0; p < pages; p++) {
                StringBuilder page = new StringBuilder();
                for (int line = 0; line < 45; line++) {
                    StringBuilder l = new StringBuilder();
                    for (int w = 0; w < 12; w++) {
                        l.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    page.append(l.toString().strip()).append('\n');
                }
                content.add(page.toString());
            }
            Files.write(dir.resolve("doc-%03d.pdf".formatted(f)), Fixtures.pdf(content));
        }
        System.out.println("generated " + files + " PDFs of " + pages + " pages in " + dir);
    }

    private static void extract(Path dir, int rounds) throws IOException {
        List<Path> pdfs;
        try (Stream<Path> s = Files.list(dir)) {
            pdfs = s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
        List<byte[]> bytes = new ArrayList<>();
        long total = 0;
        for (Path p : pdfs) {
            byte[] b = Files.readAllBytes(p);
            bytes.add(b);
            total += b.length;
        }
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());
        long chars = 0;
        for (int i = 0; i < bytes.size(); i++) { // warm-up
            chars += extractor
                    .extract(pdfs.get(i).getFileName().toString(), bytes.get(i))
                    .text()
                    .length();
        }
        long start = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < bytes.size(); i++) {
                ExtractedDocument d =
                        extractor.extract(pdfs.get(i).getFileName().toString(), bytes.get(i));
                if (d.text().isEmpty()) {
                    throw new IllegalStateException("no text from " + pdfs.get(i));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double files = (double) rounds * bytes.size();
        System.out.printf(
                "atelier files=%d rounds=%d seconds=%.3f files_per_s=%.2f mib_per_s=%.2f chars_per_file=%d%n",
                bytes.size(),
                rounds,
                seconds,
                files / seconds,
                rounds * total / 1048576.0 / seconds,
                chars / Math.max(1, bytes.size()));
    }

    private static void analyze(int runs) {
        String[] contexts = {
            "Analyze customer purchase patterns and identify high-value segments for targeted marketing campaigns",
            "Estimate the probability that a borrower defaults on a loan within a year using bureau data",
            "Forecast weekly demand per SKU across warehouses to keep inventory low without stockouts",
            "Warn before equipment failure causes unplanned downtime using vibration and temperature sensors",
            "Predict which patients will be readmitted to the hospital within 30 days of discharge",
            "Route incoming helpdesk tickets to the right support queue and flag urgent complaints",
        };
        OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();
        analyzer.analyze(new AnalysisRequest(contexts[0], List.of(), TestTemplates.all())); // loads the model
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            String doc = "Quarterly report. " + contexts[(i + 1) % contexts.length] + ". Figures by region follow.";
            AnalysisRequest request = new AnalysisRequest(
                    contexts[i % contexts.length],
                    List.of(new AnalysisRequest.NamedText("report.pdf", "application/pdf", doc)),
                    TestTemplates.all());
            long start = System.nanoTime();
            analyzer.analyze(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf(
                "offline-analyzer runs=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f%n",
                runs,
                nanos[(int) Math.floor(0.50 * (runs - 1))] / 1e6,
                nanos[(int) Math.floor(0.95 * (runs - 1))] / 1e6,
                nanos[runs - 1] / 1e6);
    }
}
