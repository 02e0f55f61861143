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
import dev.langchain4j.internal.RetryUtils;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
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

    static final String SYSTEM_PROMPT = """
            You turn a user's description of a data project, and the text of their documents, into a \
            project draft. Answer with one JSON object and nothing else, with these fields:
            "name": a short, specific project name of 2 to 6 words in Title Case (not the first words of the description);
            "description": one to three sentences saying what the project does;
            "type": one of classification, regression, forecasting, anomaly_detection, text_classification, clustering, general;
            "tags": 3 to 6 lowercase keywords;
            "domain": the business domain in lowercase (e.g. finance, marketing, operations, manufacturing, healthcare, people, security, customer-support, energy, general);
            "template_id": the id of the best matching template from the catalog below, or null if none fits.""";

    private final String provider;
    private final String model;
    private final ChatModel chat;
    private final boolean jsonSchema;
    private final RetryUtils.RetryPolicy retry;
    private final OfflineContextAnalyzer offline;

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
        this.retry = RetryUtils.retryPolicyBuilder()
                .maxRetries(maxRetries)
                .delayMillis((int) Math.max(1, backoff.toMillis()))
                .backoffExp(2.0)
                .build();
        this.offline = offline;
    }

    @Override
    public Analysis analyze(AnalysisRequest request) {
        try {
            ProjectDraft draft = retry.withRetry(() -> ask(request));
            return new Analysis(draft, provider, model, false, null);
        } catch (Exception failure) {
            String reason = provider + " failed: " + describe(failure);
            LOG.warn("analyzer {} failed, answering offline: {}", provider, reason);
            return offline.fallback(request, reason);
        }
    }

    private ProjectDraft ask(AnalysisRequest request) {
        ChatRequest.Builder builder =
                ChatRequest.builder().messages(SystemMessage.from(SYSTEM_PROMPT), UserMessage.from(prompt(request)));
        if (jsonSchema) {
            builder.responseFormat(responseFormat());
        }
        ChatResponse response = chat.chat(builder.build());
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        return parse(text, request.templates());
    }

    static ResponseFormat responseFormat() {
        JsonObjectSchema draft = JsonObjectSchema.builder()
                .addStringProperty("name")
                .addStringProperty("description")
                .addStringProperty("type")
                .addProperty(
                        "tags",
                        JsonArraySchema.builder().items(new JsonStringSchema()).build())
                .addStringProperty("domain")
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
        p.append("Template catalog (id | domain | name | description):\n");
        for (Template t : request.templates()) {
            p.append(t.id())
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

    /** The validated draft in a model's answer; {@link InvalidAnswerException} when it is not usable. */
    static ProjectDraft parse(String answer, List<Template> templates) {
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
                .map(d -> d.toLowerCase(Locale.ROOT).strip())
                .orElse(OfflineContextAnalyzer.GENERAL);
        if (!SLUG.matcher(domain).matches()) {
            throw new InvalidAnswerException("domain is not a plain word");
        }
        Optional<Template> template = text(node, "template_id")
                .flatMap(id -> templates.stream()
                        .filter(t -> t.id().equals(id.strip()))
                        .findFirst());
        String type = text(node, "type")
                .map(t -> t.toLowerCase(Locale.ROOT).strip())
                .filter(t -> SLUG.matcher(t).matches())
                .orElse(template.map(t -> t.blueprint().type()).orElse(Project.DEFAULT_TYPE));
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
