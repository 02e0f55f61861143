package dev.atelier.http.config;

import dev.atelier.application.account.BootstrapAdmin;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.util.Optional;

/**
 * At startup, makes sure the bootstrap administrator exists. With {@code atelier.admin-token}
 * (ATELIER_ADMIN_TOKEN) that token works as the admin's API key; without it, a key is generated on
 * the very first start and printed once to stdout (never logged, never shown again).
 */
@Singleton
final class AdminBootstrap {
    private final BootstrapAdmin bootstrapAdmin;
    private final Optional<String> adminToken;

    AdminBootstrap(BootstrapAdmin bootstrapAdmin, @Value("${atelier.admin-token:}") String adminToken) {
        this.bootstrapAdmin = bootstrapAdmin;
        this.adminToken = adminToken == null || adminToken.isBlank() ? Optional.empty() : Optional.of(adminToken);
    }

    @EventListener
    void onStartup(StartupEvent event) {
        bootstrapAdmin.ensureAdmin(adminToken).ifPresent(generated -> announce(System.out, generated));
    }

    static void announce(PrintStream out, String token) {
        String line = "=".repeat(78);
        out.println(line);
        out.println(" Atelier bootstrap administrator (" + BootstrapAdmin.ADMIN_EMAIL + ") created.");
        out.println(" Its API key is shown ONCE, now. Store it safely:");
        out.println();
        out.println("   " + token);
        out.println();
        out.println(" Use it as 'Authorization: Bearer <key>'. Set ATELIER_ADMIN_TOKEN to choose the key yourself.");
        out.println(line);
        out.flush();
    }
}
