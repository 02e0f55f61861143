package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.domain.model.Analysis;
import dev.atelier.domain.model.AnalysisRequest;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectDraft;
import dev.atelier.domain.model.Template;
import dev.atelier.domain.port.ContextAnalyzer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ContextAnalyzer} on a LangChain4j chat model (any provider). Asks for the draft as JSON
 * (with a JSON schema response format where the provider supports one), validates the answer, and
 * retries failures with exponential backoff; when every attempt failed, the offline analyzer
 * answers, marked {@code fallback} with the reason. It never throws for a provider failure.
 */
final class ChatContextAnalyzer implements ContextAnalyzer {
    private static final Logger LOG = LoggerFactory.getLogger(ChatContextAnalyzer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PROMPT_DOC_CHARS = 4000;
    private static final int MAX_PROMPT_CHARS = 16_000;
    static final int MAX_NAME = 80;
    private static final Pattern UNSAFE =
            Pattern.compile("[<>{}\\\\`]|https?://|javascript:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9 _-]{0,39}");

    /** Answers a model may give for a task kind, and the task kind they mean. */
    private static final Map<String, String> TASK_KIND_ALIASES = Map.of(
            "clustering", "segmentation",
            "anomaly detection", "anomaly_detection",
            "optimisation", "optimization",
            "sentiment_analysis", "text_classification",
            "summarisation", "summarization",
            "extraction", "information_extraction",
            "qa", "question_answering",
            "computer_vision", "object_detection");

    private final String provider;
    private final String model;
    private final ChatModel chat;
    private final boolean jsonSchema;
    private final Retry retry;
    private final OfflineContextAnalyzer offline;
    private final List<String> taskKinds;
    private final List<String> domains;
    private final String systemPrompt;

    ChatContextAnalyzer(
            String provider,
            String model,
            ChatModel chat,
            boolean jsonSchema,
            int maxRetries,
            Duration backoff,
            OfflineContextAnalyzer offline) {
        this.provider = provider;
        this.model = model;
        this.chat = chat;
        this.jsonSchema = jsonSchema;
        this.retry = new Retry(maxRetries, backoff);
        this.offline = offline;
        this.taskKinds = offline.taskKinds().ids();
        this.domains = offline.domains().ids();
        this.systemPrompt = systemPrompt(offline.taskKinds(), offline.domains());
    }

    /**
     * The instructions: the same task kinds and domains the offline analyzer chooses from (each
     * with what it means), and the rule that a template is named only when it clearly fits.
     */
    static String systemPrompt(LabelSet taskKinds, LabelSet domains) {
        StringBuilder p = new StringBuilder();
        p.append("You turn a user's description of a data or AI project, and the text of their documents, into a ")
                .append("project draft. Answer with one JSON object and nothing else, with these fields:\n")
                .append("\"name\": the object of the work followed by the task, 2 to 5 words in Title Case, ")
                .append("as a colleague would name the project (e.g. \"Delivery Route Optimization\", ")
                .append("\"Crop Yield Prediction\"), never the first words of the description;\n")
                .append("\"description\": one to three sentences saying what the project does;\n")
                .append("\"type\": the task kind, exactly one of the ids below, or general when the description ")
                .append("does not say what is to be done;\n")
                .append("\"tags\": 3 to 6 lowercase keywords;\n")
                .append("\"domain\": the business domain, exactly one of the ids below, or general;\n")
                .append("\"template_id\": the id of a catalog template only when it clearly fits the same task ")
                .append("kind and problem, otherwise null: a wrong template is worse than none.\n\nTask kinds:\n");
        for (LabelSet.Label k : taskKinds.labels()) {
            p.append("- ").append(k.id()).append(": ").append(k.description()).append('\n');
        }
        p.append("\nDomains:\n");
        for (LabelSet.Label d : domains.labels()) {
            p.append("- ").append(d.id()).append(": ").append(d.description()).append('\n');
        }
        return p.toString();
    }

    @Override
    public Analysis analyze(AnalysisRequest request) {
        try {
            ProjectDraft draft = retry.call(() -> ask(request));
            return new Analysis(draft, provider, model, false, null);
        } catch (Exception failure) {
            String reason = provider + " failed: " + describe(failure);
            LOG.warn("analyzer {} failed, answering offline: {}", provider, reason);
            return offline.fallback(request, reason);
        }
    }

    private ProjectDraft ask(AnalysisRequest request) {
        ChatRequest.Builder builder =
                ChatRequest.builder().messages(SystemMessage.from(systemPrompt), UserMessage.from(prompt(request)));
        if (jsonSchema) {
            builder.responseFormat(responseFormat(taskKinds, domains));
        }
        ChatResponse response = chat.chat(builder.build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return parse(text, request.templates(), taskKinds, domains);
    }

    static ResponseFormat responseFormat(List<String> taskKinds, List<String> domains) {
        JsonObjectSchema draft = JsonObjectSchema.builder()
                .addStringProperty("name")
                .addStringProperty("description")
                .addProperty(
                        "type",
                        JsonEnumSchema.builder()
                                .enumValues(withGeneral(taskKinds))
                                .build())
                .addProperty(
                        "tags",
                        JsonArraySchema.builder().items(new JsonStringSchema()).build())
                .addProperty(
                        "domain",
                        JsonEnumSchema.builder()
                                .enumValues(withGeneral(domains))
                                .build())
                .addStringProperty("template_id")
                .required("name", "description", "type", "tags", "domain", "template_id")
                .build();
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder()
                        .name("project_draft")
                        .rootElement(draft)
                        .build())
                .build();
    }

    static String prompt(AnalysisRequest request) {
        StringBuilder p = new StringBuilder();
        p.append("Description:\n")
                .append(
                        request.context().isBlank()
                                ? "(none)"
                                : request.context().strip())
                .append("\n\n");
        for (AnalysisRequest.NamedText doc : request.documents()) {
            if (p.length() > MAX_PROMPT_CHARS) {
                break;
            }
            String text = doc.text() == null ? "" : doc.text();
            p.append("Document ")
                    .append(doc.filename())
                    .append(" (")
                    .append(doc.mediaType())
                    .append("):\n")
                    .append(text, 0, Math.min(text.length(), MAX_PROMPT_DOC_CHARS))
                    .append("\n\n");
        }
        p.append("Template catalog (id | task kind | domain | name | description):\n");
        for (Template t : request.templates()) {
            p.append(t.id())
                    .append(" | ")
                    .append(t.blueprint().type())
                    .append(" | ")
                    .append(t.category())
                    .append(" | ")
                    .append(t.name())
                    .append(" | ")
                    .append(t.description())
                    .append('\n');
        }
        return p.toString();
    }

    private static List<String> withGeneral(List<String> ids) {
        List<String> all = new ArrayList<>(ids);
        all.add(OfflineContextAnalyzer.GENERAL);
        return all;
    }

    /**
     * The validated draft in a model's answer; {@link InvalidAnswerException} when it is not usable.
     * The task kind and domain are brought back to the shared vocabulary (a known alias is mapped,
     * anything else becomes general), and a template is kept only if it exists and is of the
     * answer's task kind.
     */
    static ProjectDraft parse(String answer, List<Template> templates, List<String> taskKinds, List<String> domains) {
        if (answer == null || answer.isBlank()) {
            throw new InvalidAnswerException("empty answer");
        }
        String body = answer.strip();
        int start = body.indexOf('{');
        int end = body.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new InvalidAnswerException("answer is not a JSON object");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body.substring(start, end + 1));
        } catch (Exception e) {
            throw new InvalidAnswerException("answer is not valid JSON");
        }
        if (!node.isObject()) {
            throw new InvalidAnswerException("answer is not a JSON object");
        }
        String name = text(node, "name").orElseThrow(() -> new InvalidAnswerException("name is missing"));
        name = name.replaceAll("\\s+", " ").strip();
        if (name.isEmpty() || name.length() > MAX_NAME || name.split(" ").length > 10) {
            throw new InvalidAnswerException("name is empty or too long");
        }
        if (UNSAFE.matcher(name).find() || name.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidAnswerException("name contains markup, a link or control characters");
        }
        String description = text(node, "description")
                .map(d -> d.replaceAll("[\\p{Cntrl}&&[^\\n]]", " ").strip())
                .orElse("");
        if (description.isEmpty() || description.length() > 2000) {
            throw new InvalidAnswerException("description is empty or too long");
        }
        if (description.toLowerCase(Locale.ROOT).contains("<script") || description.contains("javascript:")) {
            throw new InvalidAnswerException("description contains markup");
        }
        String domain = text(node, "domain")
                .map(d -> d.toLowerCase(Locale.ROOT).strip().replace(' ', '-'))
                .orElse(OfflineContextAnalyzer.GENERAL);
        if (!SLUG.matcher(domain).matches()) {
            throw new InvalidAnswerException("domain is not a plain word");
        }
        if (!domains.contains(domain)) {
            domain = OfflineContextAnalyzer.GENERAL;
        }
        Optional<Template> named = text(node, "template_id")
                .flatMap(id -> templates.stream()
                        .filter(t -> t.id().equals(id.strip()))
                        .findFirst());
        String type = text(node, "type")
                .map(t -> t.toLowerCase(Locale.ROOT).strip())
                .map(t -> TASK_KIND_ALIASES.getOrDefault(t, t.replace(' ', '_')))
                .filter(taskKinds::contains)
                .orElse(named.map(t -> t.blueprint().type()).orElse(Project.DEFAULT_TYPE));
        Optional<Template> template =
                named.filter(t -> type.equals(t.blueprint().type())); // another task kind's params would mislead
        Set<String> tags = new LinkedHashSet<>();
        JsonNode rawTags = node.get("tags");
        if (rawTags != null && rawTags.isArray()) {
            for (JsonNode tag : rawTags) {
                String t = tag.asText("").toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", "-");
                if (!t.isEmpty() && t.length() <= 40 && !UNSAFE.matcher(t).find() && tags.size() < 10) {
                    tags.add(t);
                }
            }
        }
        tags.add(domain);
        Map<String, Object> params = template.map(t ->
                        (Map<String, Object>) new LinkedHashMap<>(t.blueprint().params()))
                .orElse(Map.of());
        return new ProjectDraft(
                name,
                description,
                type,
                new ArrayList<>(tags),
                domain,
                params,
                template.map(Template::id).orElse(null));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String s = value.asText();
        return s.isBlank() || s.equalsIgnoreCase("null") ? Optional.empty() : Optional.of(s);
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String kind = failure instanceof InvalidAnswerException
                ? "invalid answer"
                : root instanceof java.net.http.HttpTimeoutException
                                || root instanceof java.net.SocketTimeoutException
                                || root instanceof java.util.concurrent.TimeoutException
                                || String.valueOf(root.getMessage())
                                        .toLowerCase(Locale.ROOT)
                                        .contains("timed out")
                        ? "timeout"
                        : failure.getClass().getSimpleName();
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        message = message.replaceAll("\\s+", " ");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return message.isEmpty() ? kind : kind + " (" + message + ")";
    }

    /** A model answer that cannot become a draft. */
    static final class InvalidAnswerException extends RuntimeException {
        InvalidAnswerException(String message) {
            super(message);
        }
    }
}
