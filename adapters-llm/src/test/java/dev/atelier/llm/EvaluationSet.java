package dev.atelier.llm;

import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ExtractedDocument;
import dev.atelier.domain.model.Template;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.yaml.snakeyaml.Yaml;

/**
 * The analyzer's evaluation set ({@code bench/analyzer/cases.yaml}): contexts with what a fitting
 * draft holds. Attached documents are generated here, the same bytes on every run (PDF with PDFBox,
 * DOCX with POI, CSV with commons-csv), and read back through the real {@link TikaTextExtractor}.
 */
final class EvaluationSet {
    static final Path DEFAULT = Path.of("bench/analyzer/cases.yaml");

    /**
     * Which part of the set a case belongs to: tuning may look at it, or it is held out for reporting.
     * {@code HELD_OUT} is the hashed half of the first set; {@code FRESH} the second set, written
     * later and never looked at while tuning.
     */
    enum Split {
        TUNE,
        HELD_OUT,
        FRESH;

        /** The split of a case id: the first byte of its SHA-256, even for tune, odd for held-out. */
        static Split of(String id) {
            try {
                byte first = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8))[0];
                return (first & 1) == 0 ? TUNE : HELD_OUT;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        String label() {
            return switch (this) {
                case TUNE -> "tune";
                case HELD_OUT -> "held-out";
                case FRESH -> "fresh";
            };
        }
    }

    /** One attached file: its name and the bytes the user would upload. */
    record Attachment(String filename, byte[] bytes) {}

    /**
     * One case; {@code part} is the row it is reported in: its split's label, or for a further
     * held-out file {@code cases-NAME.yaml} the NAME.
     */
    record Case(
            String id,
            Split split,
            String part,
            String context,
            List<String> taskKinds,
            List<String> domains,
            List<String> nameKeywords,
            List<String> templates,
            List<Attachment> attachments) {

        /** The request the server would build: the context, each file extracted, the catalog. */
        AnalysisRequest request(TikaTextExtractor extractor, List<Template> catalog) {
            List<AnalysisRequest.NamedText> docs = new ArrayList<>();
            for (Attachment a : attachments) {
                ExtractedDocument d = extractor.extract(a.filename(), a.bytes());
                docs.add(new AnalysisRequest.NamedText(a.filename(), d.mediaType(), d.text()));
            }
            return new AnalysisRequest(context, docs, catalog);
        }
    }

    private EvaluationSet() {}

    /**
     * The first set (split by hash) and every further held-out set beside it ({@code cases-*.yaml},
     * e.g. the fresh set), each reported as a part of its own.
     */
    static List<Case> loadAll(Path first) throws IOException {
        List<Case> all = new ArrayList<>(load(first));
        Path dir = first.toAbsolutePath().getParent();
        List<Path> further;
        try (var files = Files.list(dir)) {
            further = files.filter(f -> f.getFileName().toString().matches("cases-.+\\.yaml"))
                    .sorted()
                    .toList();
        }
        for (Path f : further) {
            String name = f.getFileName().toString();
            String part = name.substring("cases-".length(), name.length() - ".yaml".length());
            all.addAll(load(f).stream()
                    .map(c -> new Case(
                            c.id(),
                            Split.FRESH,
                            part,
                            c.context(),
                            c.taskKinds(),
                            c.domains(),
                            c.nameKeywords(),
                            c.templates(),
                            c.attachments()))
                    .toList());
        }
        return all;
    }

    static List<Case> load(Path file) throws IOException {
        List<Map<String, Object>> raw;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw = new Yaml().load(in);
        }
        List<Case> cases = new ArrayList<>();
        for (Map<String, Object> c : raw) {
            String id = (String) c.get("id");
            Split split = "tune".equals(c.get("split")) ? Split.TUNE : Split.of(id);
            cases.add(new Case(
                    id,
                    split,
                    split.label(),
                    c.get("context") == null ? "" : ((String) c.get("context")).strip(),
                    list(c.get("task_kind")),
                    list(c.get("domains")),
                    c.get("name_keywords") == null && c.get("name") != null
                            ? objectWords((String) c.get("name"))
                            : list(c.get("name_keywords")),
                    list(c.get("templates")),
                    attachments(c.get("documents"))));
        }
        return cases;
    }

    /** Task nouns and joining words: what a reference name holds besides the object of the work. */
    private static final java.util.Set<String> NOT_OBJECT = java.util.Set.of(
            "prediction",
            "predictions",
            "forecasting",
            "forecast",
            "estimation",
            "estimate",
            "segmentation",
            "clustering",
            "recommendation",
            "recommendations",
            "recommender",
            "detection",
            "anomaly",
            "anomalies",
            "optimization",
            "optimisation",
            "extraction",
            "classification",
            "classifier",
            "summarization",
            "summarisation",
            "summaries",
            "summary",
            "question",
            "answering",
            "assistant",
            "analysis",
            "scoring",
            "model",
            "triage",
            "tagging",
            "parsing",
            "matching",
            "planning",
            "allocation",
            "scheduling",
            "the",
            "and",
            "for",
            "of");

    /**
     * A training context's reference name ({@code name}) as key words: its words without task nouns,
     * so that a generated name holds a key word when it names the same object of the work.
     */
    static List<String> objectWords(String name) {
        return java.util.Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() >= 2 && !NOT_OBJECT.contains(w))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    @SuppressWarnings("unchecked")
    private static List<Attachment> attachments(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Attachment> out = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) value) {
            String file = (String) d.get("file");
            String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            byte[] bytes = switch (ext) {
                case "pdf" -> Fixtures.pdf(list(d.get("pages")));
                case "docx" -> Fixtures.docx(list(d.get("paragraphs")).toArray(String[]::new));
                case "csv" -> csv((String) d.get("csv"));
                case "txt", "md" -> ((String) d.get("text")).getBytes(StandardCharsets.UTF_8);
                default -> throw new IllegalArgumentException("no generator for " + file);
            };
            out.add(new Attachment(file, bytes));
        }
        return out;
    }

    /** The table re-printed by commons-csv, so that quoting is always valid CSV. */
    private static byte[] csv(String text) {
        try (CSVParser parser = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            StringBuilder out = new StringBuilder();
            try (CSVPrinter printer = new CSVPrinter(
                    out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
                for (CSVRecord r : parser) {
                    printer.printRecord(r.toList());
                }
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
