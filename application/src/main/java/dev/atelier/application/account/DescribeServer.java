package dev.atelier.application.account;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.model.User;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What this server runs with — its version, the kind and version of its database, the analyzer's
 * provider and model — for administrators (the rest of the users have no need to know, and an
 * attacker would like to). The composition root supplies the facts; they are gathered when asked,
 * so that a database that is down at start does not make this use case fail forever.
 */
public final class DescribeServer {
    private final Supplier<Installation> installation;

    public DescribeServer(Supplier<Installation> installation) {
        this.installation = Objects.requireNonNull(installation, "installation");
    }

    /**
     * @param version Atelier's version
     * @param database the database product ({@code H2}, {@code PostgreSQL})
     * @param databaseVersion the database's own version
     * @param analyzerProvider the configured analyzer ({@code offline} or a chat provider)
     * @param analyzerModel the model that provider is asked to use
     */
    public record Installation(
            String version, String database, String databaseVersion, String analyzerProvider, String analyzerModel) {}

    public Installation execute(User caller) {
        if (caller == null || !caller.admin()) {
            throw new ForbiddenException("only administrators may see what the server runs with");
        }
        return installation.get();
    }
}
