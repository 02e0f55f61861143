package dev.atelier.llm;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One chat provider's configuration, read from {@code atelier.analyzer.<provider>.*}.
 *
 * @param provider one of {@link #PROVIDERS}
 * @param baseUrl the API root ({@code base-url}; for azure-openai the resource endpoint)
 * @param apiKey the credential ({@code api-key}); unused by ollama
 * @param model the model name ({@code model}; for azure-openai the deployment name)
 * @param timeout per-call timeout ({@code timeout}, 60 s)
 * @param maxRetries retries after the first attempt ({@code max-retries}, 2)
 * @param backoff first retry delay, doubled each time ({@code retry-delay}, 500 ms)
 * @param jsonSchema send a JSON-schema response format ({@code json-schema}; on by default except
 *     for anthropic)
 * @param serviceVersion azure-openai API version ({@code service-version}; LangChain4j's default
 *     when empty)
 */
record ProviderSettings(
        String provider,
        String baseUrl,
        String apiKey,
        String model,
        Duration timeout,
        int maxRetries,
        Duration backoff,
        boolean jsonSchema,
        String serviceVersion) {
    static final List<String> PROVIDERS = List.of("openai", "ollama", "anthropic", "azure-openai", "gemini", "mistral");

    static String defaultBaseUrl(String provider) {
        return switch (provider) {
            case "openai" -> "https://api.openai.com/v1";
            case "ollama" -> "http://localhost:11434";
            case "anthropic" -> "https://api.anthropic.com/v1/";
            case "gemini" -> "https://generativelanguage.googleapis.com/v1beta";
            case "mistral" -> "https://api.mistral.ai/v1";
            default -> null; // azure-openai: the resource endpoint must be configured
        };
    }

    static String defaultModel(String provider) {
        return switch (provider) {
            case "openai" -> "gpt-4o-mini";
            case "ollama" -> "llama3.1";
            case "anthropic" -> "claude-3-5-haiku-latest";
            case "gemini" -> "gemini-2.0-flash";
            case "mistral" -> "mistral-small-latest";
            default -> null; // azure-openai: the deployment name must be configured
        };
    }

    static boolean defaultJsonSchema(String provider) {
        return !provider.equals("anthropic");
    }

    static String normalize(String provider) {
        return provider == null ? "offline" : provider.strip().toLowerCase(Locale.ROOT);
    }
}
