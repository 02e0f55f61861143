package dev.atelier.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.azure.AzureOpenAiChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.mistralai.MistralAiChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds a LangChain4j chat model for a provider, with its own retries switched off (the analyzer
 * retries the whole call, including answers that fail validation).
 */
final class ChatModels {
    private ChatModels() {}

    static ChatModel build(ProviderSettings s) {
        String key = s.apiKey() == null || s.apiKey().isBlank() ? "not-set" : s.apiKey();
        return switch (s.provider()) {
            case "openai" ->
                OpenAiChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .apiKey(key)
                        .modelName(s.model())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build();
            case "ollama" ->
                OllamaChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .modelName(s.model())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build();
            case "anthropic" ->
                AnthropicChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .apiKey(key)
                        .modelName(s.model())
                        .maxTokens(1024)
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build();
            case "azure-openai" -> {
                AzureOpenAiChatModel.Builder b = AzureOpenAiChatModel.builder()
                        .endpoint(require(s.baseUrl(), "azure-openai", "base-url"))
                        .apiKey(key)
                        .deploymentName(require(s.model(), "azure-openai", "model"))
                        .timeout(s.timeout())
                        .maxRetries(0);
                if (s.serviceVersion() != null && !s.serviceVersion().isBlank()) {
                    b.serviceVersion(s.serviceVersion());
                }
                yield b.build();
            }
            case "gemini" ->
                GoogleAiGeminiChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .apiKey(key)
                        .modelName(s.model())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build();
            case "mistral" ->
                MistralAiChatModel.builder()
                        .baseUrl(s.baseUrl())
                        .apiKey(key)
                        .modelName(s.model())
                        .timeout(s.timeout())
                        .maxRetries(0)
                        .build();
            default ->
                throw new IllegalArgumentException("unknown analyzer provider '" + s.provider()
                        + "'; expected offline or one of " + ProviderSettings.PROVIDERS);
        };
    }

    private static String require(String value, String provider, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("atelier.analyzer." + provider + "." + key + " must be set");
        }
        return value;
    }
}
