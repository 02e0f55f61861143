package dev.atelier.domain.model;

import java.util.Objects;

/**
 * Which analyzer this installation is configured with: the provider ({@code offline} or a chat
 * provider) and the model it asks. What an administrator sees; an analysis itself reports who
 * actually answered ({@link Analysis}), which differs when the offline analyzer stood in.
 */
public record AnalyzerSetup(String provider, String model) {
    public AnalyzerSetup {
        Objects.requireNonNull(provider, "provider");
    }
}
