package dev.atelier.domain.port;

import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * The append-only parameter history of projects.
 *
 * <p>Contract: {@link #append} throws {@link dev.atelier.domain.error.ConflictException} when the
 * version already exists for the project (the store enforces uniqueness of (project, version)), so
 * two writers can never both write version n. Callers serialize the read of {@link #latest} and the
 * append with {@link ProjectRepository#lock}. {@link #history} is ordered by version.
 */
public interface ParamHistoryRepository {
    void append(ProjectId project, ParamVersion version);

    List<ParamVersion> history(ProjectId project);

    Optional<ParamVersion> latest(ProjectId project);
}
