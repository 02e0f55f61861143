package dev.atelier.application.collaboration;

import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.model.Ids;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import java.util.Optional;

/**
 * Replaces a project's name and description (PUT). The name is required; an absent description
 * keeps the current one. With an expected version (If-Match) a project that changed since is a
 * {@link dev.atelier.domain.error.StaleVersionException}. Needs editor; never creates; records
 * "updated" (through {@link SaveProject#updateExisting}).
 */
public final class UpdateProject {
    private final SaveProject save;

    public UpdateProject(SaveProject save) {
        this.save = save;
    }

    public record Command(
            User caller, String projectId, String name, String description, Optional<Long> expectedVersion) {
        public Command {
            name = Text.name("name", name);
            description = Text.optional("description", description, Text.MAX_DESCRIPTION);
            expectedVersion = expectedVersion == null ? Optional.empty() : expectedVersion;
        }
    }

    public Project execute(Command c) {
        if (!Ids.isValid(c.projectId())) {
            throw new NotFoundException("project " + Text.clip(c.projectId(), 64) + " not found");
        }
        return save.updateExisting(new SaveProject.Command(
                c.caller(),
                null,
                c.projectId(),
                c.name(),
                c.description(),
                null,
                null,
                null,
                null,
                null,
                null,
                c.expectedVersion()));
    }
}
