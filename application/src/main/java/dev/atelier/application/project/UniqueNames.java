package dev.atelier.application.project;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.model.Text;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.model.WorkspaceId;
import dev.atelier.domain.port.ProjectRepository;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps project names unique per owner and workspace when Atelier picks the name (copy, import,
 * templates, analyzer): the first free of {@code name}, {@code name (2)}, {@code name (3)}, ….
 */
public final class UniqueNames {
    private static final int MAX_TRIES = 1000;
    /**
     * Attempts a write that names its project may make. Each lost attempt means another writer took
     * a name and committed, so with n concurrent writers of one name in one workspace the last one
     * needs n attempts: 16 covers far more of them than one owner drives at once (a script creating
     * in parallel, say), and still stops a write that keeps losing for another reason.
     */
    static final int MAX_CLASHES = 16;

    private final ProjectRepository projects;

    public UniqueNames(ProjectRepository projects) {
        this.projects = projects;
    }

    public String firstFree(WorkspaceId workspace, UserId owner, String name) {
        return firstFree(name, candidate -> projects.nameTaken(workspace, owner, candidate));
    }

    /**
     * The first free name when the taken ones are known in memory (many projects named at once, say
     * an import): {@code taken} is consulted, and the name returned is added to it.
     */
    public static String firstFree(String name, Set<String> taken) {
        String free = firstFree(name, taken::contains);
        taken.add(free);
        return free;
    }

    private static String firstFree(String name, Predicate<String> taken) {
        String base = Text.name("name", name);
        if (!taken.test(base)) {
            return base;
        }
        for (int n = 2; n < MAX_TRIES; n++) {
            String suffix = " (" + n + ")";
            String stem = base.length() + suffix.length() > Text.MAX_NAME
                    ? base.substring(0, Text.MAX_NAME - suffix.length())
                    : base;
            String candidate = stem + suffix;
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new ConflictException("no free name left for '" + Text.clip(base, 60) + "'");
    }

    /**
     * Runs {@code write}, a whole transaction that picks its project's name with {@link #firstFree}
     * and inserts it, again when it loses the name to a concurrent writer. The store's unique
     * constraint decides such a clash (a {@link ConflictException} that rolled the transaction back),
     * and a new transaction then sees the winner's name as taken and picks the next one; a stale
     * version is no name clash and is not retried.
     */
    public static <T> T withFreeName(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (ConflictException clash) {
                if (clash instanceof StaleVersionException || attempt == MAX_CLASHES) {
                    throw clash;
                }
            }
        }
    }
}
