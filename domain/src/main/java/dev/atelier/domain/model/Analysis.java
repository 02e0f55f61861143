package dev.atelier.domain.model;

import java.util.Objects;

/**
 * A draft together with how it was obtained: which provider and model answered, and whether the
 * offline analyzer stood in for a failed provider ({@code fallback}, with the {@code reason}).
 */
public record Analysis(ProjectDraft draft, String provider, String model, boolean fallback, String reason) {
    public Analysis {
        Objects.requireNonNull(draft, "draft");
        Objects.requireNonNull(provider, "provider");
    }
}
