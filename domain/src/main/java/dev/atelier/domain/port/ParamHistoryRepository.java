package dev.atelier.domain.port;

import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only parameter history of projects.
 *
 * <p>Contract: {@link #append} throws {@link dev.atelier.domain.error.ConflictException} when the
 * version already exists for the project (the store enforces uniqueness of (project, version)), so
 * two writers can never both write version n. Callers serialize the read of {@link #latest} and the
 * append with {@link ProjectRepository#lock}. {@link #history} is ordered by version.
 * {@link #findByProjectIds} is the batch form of {@link #history} for readers of many projects
 * (export): one round of reads, whatever the number of projects.
 */
public interface ParamHistoryRepository {
    void append(ProjectId project, ParamVersion version);

    /** One version of one project, for {@link #appendAll}. */
    record Versioned(ProjectId project, ParamVersion version) {}

    /** {@link #append} of many versions in batches (imports); a taken version is a conflict. */
    void appendAll(List<Versioned> versions);

    List<ParamVersion> history(ProjectId project);

    Optional<ParamVersion> latest(ProjectId project);

    /**
     * The histories of {@code projects}: a map iterating in project id order, holding only the
     * projects that have at least one version, each history ordered by version.
     */
    Map<ProjectId, List<ParamVersion>> findByProjectIds(Collection<ProjectId> projects);
}
