package dev.atelier.application.collaboration;

import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ParamHistoryRepository;
import java.util.Map;
import java.util.Optional;

/**
 * Creates a project the way the labeling-platform API does: in the caller's default workspace,
 * with a required task type and name, params version 0 (the instruction taken out of the params),
 * and the labeling flags kept as sent. A name the caller already uses there is a conflict (409).
 */
public final class CreateLabelingProject {
    private final SaveProject save;
    private final ParamHistoryRepository params;

    public CreateLabelingProject(SaveProject save, ParamHistoryRepository params) {
        this.save = save;
        this.params = params;
    }

    public record Command(
            User caller,
            String type,
            String name,
            Map<String, Object> params,
            Boolean rapid,
            Boolean studio,
            String pipeline,
            Integer consensusAttempts,
            String datasetId) {
        public Command {
            if (type == null || type.isBlank()) {
                throw new InvalidInputException("type is required and must not be empty");
            }
            type = Text.optional("type", type.strip(), Text.MAX_TYPE);
            name = Text.name("name", name);
        }
    }

    public LoadProject.Loaded execute(Command c) {
        SetParams.Split split = SetParams.split(c.params(), null);
        LabelingOptions labeling =
                new LabelingOptions(c.rapid(), c.studio(), c.pipeline(), c.consensusAttempts(), c.datasetId(), false);
        SaveProject.Saved saved = save.execute(new SaveProject.Command(
                c.caller(),
                null,
                null,
                c.name(),
                null,
                null,
                null,
                c.type(),
                split.params(),
                split.instruction(),
                labeling,
                Optional.empty()));
        return new LoadProject.Loaded(
                saved.project(), Role.OWNER, params.history(saved.project().id()));
    }
}
