package dev.atelier.application.collaboration;

import dev.atelier.application.project.LoadProject;
import dev.atelier.application.project.ProjectAccess;
import dev.atelier.application.project.Timeline;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.JsonObjects;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.User;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Appends a new version to a project's params history (the labeling API's setParams). With
 * {@code patch} the new version starts from the previous params and the given top-level fields
 * replace theirs (no deep merge); without it the new version holds only the given params. The
 * instruction follows {@link ParamVersion#next}. Needs editor.
 *
 * <p>Concurrency: the project row is locked inside the transaction before the latest version is
 * read, so concurrent calls on one project queue up and each writes the next number; the
 * (project, version) uniqueness of the store is the second line of defence. No duplicate, no gap.
 */
public final class SetParams {
    /** Keys that the param_history entries use for themselves and so cannot be params. */
    public static final Set<String> RESERVED = Set.of("version", "created_at");

    private final ProjectAccess access;
    private final ParamHistoryRepository params;
    private final Timeline timeline;
    private final UnitOfWork uow;
    private final Clock clock;

    public SetParams(
            ProjectAccess access, ParamHistoryRepository params, Timeline timeline, UnitOfWork uow, Clock clock) {
        this.access = access;
        this.params = params;
        this.timeline = timeline;
        this.uow = uow;
        this.clock = clock;
    }

    public record Command(
            User caller, String projectId, Map<String, Object> params, String instruction, boolean patch) {
        public Command {
            Split split = split(params, instruction);
            params = split.params();
            instruction = split.instruction();
        }

        /**
         * From a setParams request body as sent: {@code patch} (boolean, or the strings "true" /
         * "false"), {@code instruction}, and every other top-level field is a param.
         */
        public static Command fromBody(User caller, String projectId, Map<String, Object> body) {
            Map<String, Object> rest = new LinkedHashMap<>(body == null ? Map.of() : body);
            boolean patch = flag("patch", rest.remove("patch"));
            return new Command(caller, projectId, rest, null, patch);
        }
    }

    /** Params with their instruction taken out, validated. */
    public record Split(Map<String, Object> params, String instruction) {}

    /**
     * Separates {@code instruction} from the other params (it may come as a param or on its own; the
     * separate value wins), rejects reserved keys, and validates size and shape.
     */
    public static Split split(Map<String, ?> given, String instruction) {
        Map<String, Object> rest = new LinkedHashMap<>();
        if (given != null) {
            given.forEach((k, v) -> rest.put(String.valueOf(k), v));
        }
        Object inParams = rest.remove("instruction");
        if (inParams != null && !(inParams instanceof String)) {
            throw new InvalidInputException("instruction must be a string");
        }
        String chosen = instruction != null ? instruction : (String) inParams;
        for (String key : RESERVED) {
            if (rest.containsKey(key)) {
                throw new InvalidInputException("'" + key + "' is reserved in param_history and cannot be a param");
            }
        }
        return new Split(
                JsonObjects.object("params", rest), Text.optional("instruction", chosen, Text.MAX_DESCRIPTION));
    }

    /** A boolean flag as clients send it: JSON true/false, or the strings "true"/"false"; absent is false. */
    public static boolean flag(String field, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> {
                    return true;
                }
                case "false", "" -> {
                    return false;
                }
                default -> {
                    // fall through to the error below
                }
            }
        }
        throw new InvalidInputException(field + " must be true or false");
    }

    public LoadProject.Loaded execute(Command c) {
        return uow.inTransaction(() -> {
            ProjectAccess.Granted granted = access.requireLocked(c.caller(), c.projectId(), Role.EDITOR);
            Project project = granted.project();
            var now = clock.instant();
            ParamVersion next = params.latest(project.id())
                    .map(latest -> latest.next(c.params(), c.instruction(), c.patch(), now))
                    .orElseGet(() -> ParamVersion.initial(c.params(), c.instruction(), now));
            params.append(project.id(), next);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", next.version());
            details.put("patch", c.patch());
            timeline.record(project.id(), EventType.PARAMS_CHANGED, "params v" + next.version(), c.caller(), details);
            return new LoadProject.Loaded(project, granted.role(), params.history(project.id()));
        });
    }
}
