package dev.atelier.llm;

import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.ContextAnalyzer;
import io.micronaut.core.value.MapPropertyResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Driver of {@code bench/analyzer/run} (not a test; surefire ignores it). Modes:
 *
 * <ul>
 *   <li>{@code evaluate [cases.yaml] [misses=tune|held-out|fresh|NAME|held|all|none] [rows=all|tune]}:
 *       the per-criterion figures of each part of the evaluation set (tune, held-out, and each further
 *       held-out set {@code cases-NAME.yaml} next to the first file, e.g. fresh), the cross-validated
 *       figures on the training corpus ({@code training/} beside it), and the misses of the chosen part. {@code rows=tune} prints the tune row only, so that tuning never shows held-out
 *       figures. The analyzer is the one configured by {@code ATELIER_ANALYZER_PROVIDER} and its keys
 *       (offline when unset); a chat provider without an API key is skipped.
 *   <li>{@code timing [runs]}: warm latency of one request with a 3-page PDF (extraction and
 *       analysis), after warm-up; p50 and p95.
 *   <li>{@code first}: the first analysis in this (fresh) JVM, model loading included.
 *   <li>{@code embeddings <file>}: writes the shipped embeddings of the analyzer's fixed sentences.
 *   <li>{@code train <file> <training dir>}: trains and writes the shipped classifier.
 *   <li>{@code sweep <training dir> <cases.yaml>}: hyper-parameter search on the training corpus and
 *       the tune half.
 *   <li>{@code dump <out.jsonl> [part=]<file.yaml>...}: labels, embeddings and zero-shot scores per
 *       case, for experiments outside Java; with the part {@code tune}, only the tune half of the file.
 *   <li>{@code names <training dir>}: per context of the training corpus, our name against the
 *       reference name's key words, to find the namer's defects.
 *   <li>{@code analyze <context>}: the configured analyzer's draft and decisions for one context.
 *   <li>{@code timing-files <dir>}: writes the timing request (its context and its 3-page PDF) for
 *       the server benchmark ({@code bench/analyzer/server.py}).
 * </ul>
 */
public final class AnalyzerEvaluation {
    private static final String TIMING_CASE = "health-diabetes-protocol";

    private AnalyzerEvaluation() {}

    public static void main(String[] args) throws IOException {
        String mode = args.length == 0 ? "evaluate" : args[0];
        switch (mode) {
            case "evaluate" ->
                evaluate(
                        args.length > 1 ? Path.of(args[1]) : EvaluationSet.DEFAULT,
                        args.length > 2 ? args[2] : "all",
                        args.length > 3 ? args[3] : "all");
            case "timing" -> timing(args.length > 1 ? Integer.parseInt(args[1]) : 50);
            case "first" -> first();
            case "embeddings" -> embeddings(Path.of(args[1]));
            case "timing-files" -> timingFiles(Path.of(args[1]));
            case "analyze" -> analyzeOne(args[1]);
            case "train" -> train(Path.of(args[1]), Path.of(args[2]));
            case "sweep" -> sweep(Path.of(args[1]), Path.of(args[2]));
            case "cv" -> trainingRow(Path.of(args[1]));
            case "dump" -> dump(Path.of(args[1]), Arrays.asList(args).subList(2, args.length));
            case "names" -> names(Path.of(args[1]));
            default -> throw new IllegalArgumentException("mode: evaluate | timing | first");
        }
    }

    // ---------------------------------------------------------------- quality

    /** What one case got right. */
    record Outcome(
            EvaluationSet.Case c,
            ProjectDraft draft,
            Analysis analysis,
            boolean taskKind,
            boolean domain,
            boolean wrongTemplate,
            boolean templateFound,
            boolean nameKeyword,
            boolean nameForm) {

        static Outcome of(EvaluationSet.Case c, Analysis analysis) {
            ProjectDraft d = analysis.draft();
            boolean wrong = d.templateId() != null && !c.templates().contains(d.templateId());
            boolean found = d.templateId() != null && c.templates().contains(d.templateId());
            return new Outcome(
                    c,
                    d,
                    analysis,
                    c.taskKinds().contains(d.type()),
                    c.domains().contains(d.domain()),
                    wrong,
                    found,
                    NameCheck.holdsKeyword(d.name(), c.nameKeywords()),
                    NameCheck.wellFormed(d.name(), c.context()));
        }

        List<String> failures() {
            List<String> f = new ArrayList<>();
            if (!taskKind) {
                f.add("task_kind " + draft.type() + " (expected " + c.taskKinds() + ")");
            }
            if (!domain) {
                f.add("domain " + draft.domain() + " (expected " + c.domains() + ")");
            }
            if (wrongTemplate) {
                f.add("wrong template " + draft.templateId() + " (acceptable " + c.templates() + ")");
            }
            if (!nameKeyword) {
                f.add("name without key word (" + c.nameKeywords() + ")");
            }
            if (!nameForm) {
                f.add("name badly formed");
            }
            return f;
        }
    }

    private static void evaluate(Path file, String missesOf, String rows) throws IOException {
        ContextAnalyzer analyzer = configuredAnalyzer();
        if (analyzer == null) {
            return;
        }
        List<EvaluationSet.Case> cases = EvaluationSet.loadAll(file);
        boolean tuneOnly = rows.equals("tune");
        if (tuneOnly) {
            cases = cases.stream()
                    .filter(c -> c.split() == EvaluationSet.Split.TUNE)
                    .toList();
        }
        List<Template> catalog = TestTemplates.all();
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());
        List<Outcome> outcomes = new ArrayList<>();
        long start = System.nanoTime();
        for (EvaluationSet.Case c : cases) {
            outcomes.add(Outcome.of(c, analyzer.analyze(c.request(extractor, catalog))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "evaluation set %s: %d cases, %d templates, %.1f s%n%n", file, cases.size(), catalog.size(), seconds);
        System.out.println(
                "| half | cases | task kind | domain | wrong template | template found | name key word | name form |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        List<String> parts = outcomes.stream().map(o -> o.c().part()).distinct().toList();
        for (String part : parts) {
            row(part, outcomes.stream().filter(o -> o.c().part().equals(part)).toList());
        }
        if (!tuneOnly) {
            row(
                    "all held out",
                    outcomes.stream()
                            .filter(o -> o.c().split() != EvaluationSet.Split.TUNE)
                            .toList());
        }
        trainingRow(file.resolveSibling("training"));
        System.out.println();
        for (Outcome o : outcomes) {
            boolean show = switch (missesOf) {
                case "all" -> true;
                case "none" -> false;
                case "held" -> o.c().split() != EvaluationSet.Split.TUNE;
                default -> o.c().part().equals(missesOf);
            };
            if (show && System.getenv("ANALYZER_VERBOSE") != null) {
                System.out.printf(
                        "CASE [%s] %s ok=%s name \"%s\" | expected %s %s %s%n     %s%n",
                        o.c().part(),
                        o.c().id(),
                        o.failures().isEmpty(),
                        o.draft().name(),
                        o.c().taskKinds(),
                        o.c().domains(),
                        o.c().templates(),
                        evidence(o.analysis()));
            } else if (show && !o.failures().isEmpty()) {
                System.out.printf(
                        "MISS [%s] %s: %s%n     name \"%s\" | type %s | domain %s | template %s%n     %s%n",
                        o.c().part(),
                        o.c().id(),
                        String.join("; ", o.failures()),
                        o.draft().name(),
                        o.draft().type(),
                        o.draft().domain(),
                        o.draft().templateId(),
                        evidence(o.analysis()));
            }
        }
    }

    private static String evidence(Analysis a) {
        return "task " + decision(a.taskKind()) + " | domain " + decision(a.domain()) + " | template "
                + decision(a.template());
    }

    private static String decision(Analysis.Decision d) {
        if (d.score() == null) {
            return String.valueOf(d.label());
        }
        return String.format(Locale.ROOT, "%s %.3f (%s %.3f)", d.label(), d.score(), d.runnerUp(), d.runnerUpScore());
    }

    private static void row(String label, List<Outcome> o) {
        int n = o.size();
        long withTemplate = o.stream().filter(x -> !x.c().templates().isEmpty()).count();
        System.out.printf(
                "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
                label,
                n,
                pct(o.stream().filter(Outcome::taskKind).count(), n),
                pct(o.stream().filter(Outcome::domain).count(), n),
                pct(o.stream().filter(Outcome::wrongTemplate).count(), n),
                pct(o.stream().filter(Outcome::templateFound).count(), withTemplate),
                pct(o.stream().filter(Outcome::nameKeyword).count(), n),
                pct(o.stream().filter(Outcome::nameForm).count(), n));
    }

    private static String pct(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %% (%d/%d)", 100.0 * part / whole, part, whole);
    }

    /**
     * The analyzer that {@code ATELIER_ANALYZER_*} environment variables configure, through the
     * server's own factory; null (and a message) for a chat provider without an API key.
     */
    static ContextAnalyzer configuredAnalyzer() {
        Map<String, Object> config = new LinkedHashMap<>();
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("ATELIER_ANALYZER_")) {
                config.put(propertyOf(k), v);
            }
        });
        String provider =
                ProviderSettings.normalize(String.valueOf(config.getOrDefault("atelier.analyzer.provider", "offline")));
        if (!provider.equals(OfflineContextAnalyzer.PROVIDER)
                && !provider.equals("ollama")
                && String.valueOf(config.getOrDefault("atelier.analyzer." + provider + ".api-key", ""))
                        .isBlank()) {
            System.out.println("skipped: provider " + provider + " has no API key (ATELIER_ANALYZER_"
                    + provider.toUpperCase(Locale.ROOT).replace('-', '_') + "_API_KEY)");
            return null;
        }
        System.out.println("analyzer: " + provider);
        return new AnalyzerFactory().contextAnalyzer(new MapPropertyResolver(config));
    }

    /** ATELIER_ANALYZER_AZURE_OPENAI_API_KEY -> atelier.analyzer.azure-openai.api-key */
    private static String propertyOf(String env) {
        String rest = env.substring("ATELIER_ANALYZER_".length()).toLowerCase(Locale.ROOT);
        if (rest.equals("provider") || rest.equals("warm_up")) {
            return "atelier.analyzer." + rest.replace('_', '-');
        }
        for (String p : ProviderSettings.PROVIDERS) {
            String prefix = p.replace('-', '_') + "_";
            if (rest.startsWith(prefix)) {
                return "atelier.analyzer." + p + "."
                        + rest.substring(prefix.length()).replace('_', '-');
            }
        }
        return "atelier.analyzer." + rest.replace('_', '-');
    }

    // ---------------------------------------------------------------- training

    /** The training corpus: every {@code *.yaml} in the folder, none of them an evaluation set. */
    static List<EvaluationSet.Case> trainingCases(Path dir) throws IOException {
        List<EvaluationSet.Case> all = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(dir)) {
            return all;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f :
                    files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                all.addAll(EvaluationSet.load(f));
            }
        }
        return all;
    }

    private static List<ClassifierTraining.Example> examples(List<EvaluationSet.Case> cases) {
        return ClassifierTraining.examples(
                cases, new TikaTextExtractor(ExtractionLimits.defaults()), TestTemplates.all());
    }

    /**
     * Per context of the training corpus: whether our name holds a key word of the reference name,
     * our name, the reference key words and the context (for finding the namer's defects; never run
     * on an evaluation set).
     */
    private static void names(Path dir) throws IOException {
        OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();
        int held = 0;
        List<EvaluationSet.Case> cases = trainingCases(dir);
        for (EvaluationSet.Case c : cases) {
            String name = analyzer.analyze(new AnalysisRequest(c.context(), List.of(), TestTemplates.all()))
                    .draft()
                    .name();
            boolean ok = NameCheck.holdsKeyword(name, c.nameKeywords());
            held += ok ? 1 : 0;
            System.out.printf(
                    "%s\t%s\t%s\t%s\t%s%n",
                    ok ? "ok" : "MISS",
                    name,
                    c.nameKeywords(),
                    c.id(),
                    c.context().replace('\n', ' '));
        }
        System.out.printf(Locale.ROOT, "names holding a key word: %d/%d%n", held, cases.size());
    }

    /** Writes the trained model resource from the training corpus. */
    private static void train(Path out, Path dir) throws IOException {
        List<ClassifierTraining.Example> examples = examples(trainingCases(dir));
        List<TrainedModel.Head> heads = List.of(
                ClassifierTraining.train(
                        TrainedModel.TASK_KIND,
                        LabelSet.load(LabelSet.TASK_KINDS, true).ids(),
                        examples,
                        ClassifierTraining.Hyper.DEFAULT),
                ClassifierTraining.train(
                        TrainedModel.DOMAIN,
                        LabelSet.load(LabelSet.DOMAINS, false).ids(),
                        examples,
                        ClassifierTraining.Hyper.DEFAULT));
        byte[] bytes = TrainedModel.write(heads);
        java.nio.file.Files.write(out, bytes);
        System.out.printf(
                "trained on %d contexts of %s: task kind vocabulary %d, domain vocabulary %d; wrote %d bytes to %s%n",
                examples.size(),
                dir,
                heads.get(0).vocabulary().size(),
                heads.get(1).vocabulary().size(),
                bytes.length,
                out);
    }

    /** The cross-validated figures of the decisions as calibrated, on the training corpus. */
    private static void trainingRow(Path dir) throws IOException {
        List<EvaluationSet.Case> cases = trainingCases(dir);
        if (cases.isEmpty()) {
            return;
        }
        List<ClassifierTraining.Example> examples = examples(cases);
        Calibration calibration = Calibration.load();
        double tk = ClassifierTraining.accuracy(
                examples,
                ClassifierTraining.crossValidate(
                        examples,
                        TrainedModel.TASK_KIND,
                        LabelSet.load(LabelSet.TASK_KINDS, true),
                        calibration.taskKind(),
                        ClassifierTraining.Hyper.DEFAULT,
                        5),
                TrainedModel.TASK_KIND);
        double dom = ClassifierTraining.accuracy(
                examples,
                ClassifierTraining.crossValidate(
                        examples,
                        TrainedModel.DOMAIN,
                        LabelSet.load(LabelSet.DOMAINS, false),
                        calibration.domain(),
                        ClassifierTraining.Hyper.DEFAULT,
                        5),
                TrainedModel.DOMAIN);
        // names: the namer is not trained, so the whole corpus measures it (with the analyzer as shipped)
        OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();
        long named = cases.stream()
                .filter(c -> NameCheck.holdsKeyword(
                        analyzer.analyze(new dev.atelier.domain.model.AnalysisRequest(
                                        c.context(), List.of(), TestTemplates.all()))
                                .draft()
                                .name(),
                        c.nameKeywords()))
                .count();
        System.out.printf(
                Locale.ROOT,
                "| training, 5-fold CV (names: whole corpus, vs its reference names) | %d | %.1f %% | %.1f %% | - | - | %.1f %% | - |%n",
                examples.size(),
                100 * tk,
                100 * dom,
                100.0 * named / cases.size());
    }

    /**
     * Hyper-parameter search on the training corpus (5-fold CV) and the tune half (decided by a
     * head trained on the whole corpus): per setting of the trained model, the best weights,
     * thresholds and margins. Never reads a held-out case.
     */
    private static void sweep(Path dir, Path casesFile) throws IOException {
        List<ClassifierTraining.Example> training = examples(trainingCases(dir));
        List<ClassifierTraining.Example> tune = examples(EvaluationSet.load(casesFile).stream()
                .filter(c -> c.split() == EvaluationSet.Split.TUNE)
                .toList());
        // the unit tests' sanity contexts: a setting that gets one of them wrong is marked
        List<ClassifierTraining.Example> sanity = examples(List.of(
                sanityCase(
                        "Segment customers by purchase frequency and basket value to plan seasonal marketing campaigns.",
                        "segmentation",
                        "marketing"),
                sanityCase(
                        "Optimise delivery routes for a fleet of vans under time windows and fuel cost.",
                        "optimization",
                        "logistics"),
                sanityCase(
                        "Detect fraudulent card transactions in real time from merchant, amount and device signals.",
                        "classification",
                        "finance"),
                sanityCase(
                        "Predict crop yield per field from satellite imagery and weather.",
                        "regression",
                        "agriculture"),
                sanityCase(
                        "Detect anomalies in daily revenue across 300 stores and alert finance.",
                        "anomaly_detection",
                        "retail"),
                sanityCase(
                        "Recommend products to shoppers based on their browsing history and similar customers' purchases.",
                        "recommendation",
                        "retail"),
                sanityCase("Our team meets on Tuesdays and we like coffee.", "general", "general")));
        Calibration calibration = Calibration.load();
        String[] hyperSpec = System.getenv()
                .getOrDefault("SWEEP_HYPER", "3,3,2,3e-4,600,0.05")
                .split(";");
        for (String head : List.of(TrainedModel.TASK_KIND, TrainedModel.DOMAIN)) {
            boolean task = head.equals(TrainedModel.TASK_KIND);
            LabelSet labels = task ? LabelSet.load(LabelSet.TASK_KINDS, true) : LabelSet.load(LabelSet.DOMAINS, false);
            Calibration.Classifier raw =
                    (task ? calibration.taskKind() : calibration.domain()).withWeights(-1, 0, 1, 1);
            for (String spec : hyperSpec) {
                String[] v = spec.split(",");
                ClassifierTraining.Hyper h = new ClassifierTraining.Hyper(
                        Double.parseDouble(v[0]),
                        Double.parseDouble(v[1]),
                        Integer.parseInt(v[2]),
                        Double.parseDouble(v[3]),
                        Integer.parseInt(v[4]),
                        Double.parseDouble(v[5]));
                List<List<ZeroShotClassifier.Score>> cv = rawScores(training, head, labels, raw, h);
                ZeroShotClassifier full =
                        new ZeroShotClassifier(labels, raw, ClassifierTraining.train(head, labels.ids(), training, h));
                List<List<ZeroShotClassifier.Score>> tu = new ArrayList<>();
                List<List<ZeroShotClassifier.Score>> sa = new ArrayList<>();
                for (ClassifierTraining.Example e : sanity) {
                    sa.add(full.scores(
                            new dev.langchain4j.data.embedding.Embedding(e.embedding(head)),
                            e.lowerContext(),
                            e.lowerDocuments(),
                            e.featureText(head)));
                }
                for (ClassifierTraining.Example e : tune) {
                    tu.add(full.scores(
                            new dev.langchain4j.data.embedding.Embedding(e.embedding(head)),
                            e.lowerContext(),
                            e.lowerDocuments(),
                            e.featureText(head)));
                }
                List<String> results = new ArrayList<>();
                for (double pw : new double[] {0.25, 0.5, 0.75, 1}) {
                    for (double tw : new double[] {0.1, 0.15, 0.25, 0.5, 0.75, 1}) {
                        for (double thr : new double[] {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6}) {
                            for (double margin : new double[] {0, 0.01, 0.02, 0.03, 0.04, 0.06}) {
                                double a = sweepAccuracy(training, cv, head, pw, tw, thr, margin);
                                double b = sweepAccuracy(tune, tu, head, pw, tw, thr, margin);
                                double c = sweepAccuracy(sanity, sa, head, pw, tw, thr, margin);
                                results.add(String.format(
                                        Locale.ROOT,
                                        "%s %.4f cv %.3f tune %.3f | pw %.2f tw %.2f threshold %.2f margin %.2f",
                                        c == 1.0 ? "sane" : "SANITY-MISS",
                                        (a * training.size() + b * tune.size()) / (training.size() + tune.size()),
                                        a,
                                        b,
                                        pw,
                                        tw,
                                        thr,
                                        margin));
                            }
                        }
                    }
                }
                results.sort(java.util.Comparator.reverseOrder());
                System.out.println(head + " " + h);
                results.stream().filter(r -> r.startsWith("sane")).limit(15).forEach(r -> System.out.println("  " + r));
            }
        }
    }

    private static EvaluationSet.Case sanityCase(String context, String taskKind, String domain) {
        return new EvaluationSet.Case(
                "sanity",
                EvaluationSet.Split.TUNE,
                "sanity",
                context,
                List.of(taskKind),
                List.of(domain),
                List.of(),
                List.of(),
                List.of());
    }

    private static List<List<ZeroShotClassifier.Score>> rawScores(
            List<ClassifierTraining.Example> examples,
            String head,
            LabelSet labels,
            Calibration.Classifier raw,
            ClassifierTraining.Hyper h) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(7));
        List<List<ZeroShotClassifier.Score>> out =
                new ArrayList<>(java.util.Collections.nCopies(examples.size(), null));
        for (int f = 0; f < 5; f++) {
            List<ClassifierTraining.Example> train = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (i % 5 == f) {
                    test.add(order.get(i));
                } else {
                    train.add(examples.get(order.get(i)));
                }
            }
            ZeroShotClassifier c =
                    new ZeroShotClassifier(labels, raw, ClassifierTraining.train(head, labels.ids(), train, h));
            for (int i : test) {
                ClassifierTraining.Example e = examples.get(i);
                out.set(
                        i,
                        c.scores(
                                new dev.langchain4j.data.embedding.Embedding(e.embedding(head)),
                                e.lowerContext(),
                                e.lowerDocuments(),
                                e.featureText(head)));
            }
        }
        return out;
    }

    private static double sweepAccuracy(
            List<ClassifierTraining.Example> examples,
            List<List<ZeroShotClassifier.Score>> raw,
            String head,
            double pw,
            double tw,
            double threshold,
            double margin) {
        ZeroShotClassifier rule =
                new ZeroShotClassifier(new LabelSet(List.of()), new Calibration.Classifier(threshold, margin, 0, 0, 0));
        long right = 0;
        for (int i = 0; i < examples.size(); i++) {
            List<ZeroShotClassifier.Score> s = raw.get(i).stream()
                    .map(x -> new ZeroShotClassifier.Score(x.label(), pw * x.similarity(), tw * x.trained(), x.cues()))
                    .sorted(java.util.Comparator.comparingDouble(ZeroShotClassifier.Score::total)
                            .reversed())
                    .toList();
            if (examples.get(i).labels(head).contains(rule.decide(s).label())) {
                right++;
            }
        }
        return (double) right / examples.size();
    }

    /**
     * For experiments outside Java: per case of the given sets, its labels, the embeddings of its
     * statement and focus and the zero-shot scores (similarity, cues) of every label, as JSON lines.
     */
    private static void dump(Path out, List<String> files) throws IOException {
        Calibration calibration = Calibration.load();
        ZeroShotClassifier tk =
                new ZeroShotClassifier(LabelSet.load(LabelSet.TASK_KINDS, true), calibration.taskKind());
        ZeroShotClassifier dom = new ZeroShotClassifier(LabelSet.load(LabelSet.DOMAINS, false), calibration.domain());
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Template> catalog = TestTemplates.all();
        try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(out)) {
            for (String f : files) {
                String part = f.contains("=") ? f.substring(0, f.indexOf('=')) : null;
                Path file = Path.of(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f);
                for (EvaluationSet.Case c : EvaluationSet.load(file)) {
                    if ("tune".equals(part) && c.split() != EvaluationSet.Split.TUNE) {
                        continue; // held-out cases are never dumped for experiments
                    }
                    RequestText text = RequestText.of(c.request(extractor, catalog));
                    List<dev.langchain4j.data.embedding.Embedding> e =
                            MiniLmEmbeddings.embedAll(List.of(text.focus(), text.statement()));
                    String lowerContext =
                            text.context().isEmpty() ? text.statement().toLowerCase(Locale.ROOT) : text.lowerContext();
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", c.id());
                    row.put("part", part != null ? part : c.split().label());
                    row.put("task_kinds", c.taskKinds());
                    row.put("domains", c.domains());
                    row.put("focus", e.get(0).vector());
                    row.put("statement", e.get(1).vector());
                    Map<String, double[]> t = new LinkedHashMap<>();
                    tk.scores(e.get(1), lowerContext, text.lowerDocuments(), lowerContext)
                            .forEach(s -> t.put(s.label(), new double[] {s.similarity(), s.cues()}));
                    row.put("tk", t);
                    Map<String, double[]> d = new LinkedHashMap<>();
                    dom.scores(e.get(0), lowerContext, text.lowerDocuments(), lowerContext)
                            .forEach(s -> d.put(s.label(), new double[] {s.similarity(), s.cues()}));
                    row.put("dom", d);
                    w.write(json.writeValueAsString(row));
                    w.newLine();
                }
            }
        }
    }

    private static void embeddings(Path file) throws IOException {
        List<String> sentences = new OfflineContextAnalyzer().fixedSentences(TestTemplates.all());
        java.nio.file.Files.write(file, EmbeddingCache.write(sentences));
        System.out.println("wrote " + sentences.size() + " embeddings to " + file);
    }

    // ---------------------------------------------------------------- timing

    private static EvaluationSet.Case timingCase() throws IOException {
        return EvaluationSet.load(EvaluationSet.DEFAULT).stream()
                .filter(c -> c.id().equals(TIMING_CASE))
                .findFirst()
                .orElseThrow();
    }

    private static void analyzeOne(String context) {
        ContextAnalyzer analyzer = configuredAnalyzer();
        if (analyzer == null) {
            return;
        }
        Analysis a = analyzer.analyze(new AnalysisRequest(context, List.of(), TestTemplates.all()));
        ProjectDraft d = a.draft();
        System.out.printf(
                "name \"%s\" | type %s | domain %s | template %s%n%s%n",
                d.name(), d.type(), d.domain(), d.templateId(), evidence(a));
    }

    private static void timingFiles(Path dir) throws IOException {
        EvaluationSet.Case c = timingCase();
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("context.txt"), c.context());
        EvaluationSet.Attachment pdf = c.attachments().getFirst();
        java.nio.file.Files.write(dir.resolve(pdf.filename()), pdf.bytes());
        System.out.println("wrote " + dir.resolve("context.txt") + " and " + dir.resolve(pdf.filename()));
    }

    private static void timing(int runs) throws IOException {
        EvaluationSet.Case c = timingCase();
        TikaTextExtractor extractor = new TikaTextExtractor(ExtractionLimits.defaults());
        OfflineContextAnalyzer analyzer = new OfflineContextAnalyzer();
        List<Template> catalog = TestTemplates.all();
        for (int i = 0; i < 10; i++) {
            analyzer.analyze(c.request(extractor, catalog));
        }
        long[] nanos = new long[runs];
        long cpuStart = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            AnalysisRequest request = c.request(extractor, catalog); // extraction is part of the request
            analyzer.analyze(request);
            nanos[i] = System.nanoTime() - start;
        }
        double cpuPerRequest = (processCpuNanos() - cpuStart) / 1e6 / runs;
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "load average %.1f on %d cores; process CPU per request %.1f ms%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors(),
                cpuPerRequest);
        System.out.printf(
                Locale.ROOT,
                "warm request (context + %s, %d bytes): runs=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f%n",
                c.attachments().getFirst().filename(),
                c.attachments().getFirst().bytes().length,
                runs,
                nanos[(int) Math.floor(0.50 * (runs - 1))] / 1e6,
                nanos[(int) Math.floor(0.95 * (runs - 1))] / 1e6,
                nanos[runs - 1] / 1e6);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void first() throws IOException {
        EvaluationSet.Case c = timingCase();
        AnalysisRequest request = c.request(new TikaTextExtractor(ExtractionLimits.defaults()), TestTemplates.all());
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        Analysis a = new OfflineContextAnalyzer().analyze(request);
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf(
                Locale.ROOT,
                "load average %.1f; process CPU of the first analysis %.0f ms%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                (processCpuNanos() - cpuStart) / 1e6);
        long sinceJvmStart = System.currentTimeMillis()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf(
                Locale.ROOT,
                "first analysis in a fresh JVM: %.0f ms (model load included; %d ms since the JVM started) -> %s%n",
                ms,
                sinceJvmStart,
                a.draft().name());
    }
}
