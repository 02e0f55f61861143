package dev.atelier.domain.port;

import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.MemberProfile;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Project memberships.
 *
 * <p>Contract: {@link #save} inserts the membership or replaces the role of an existing one
 * (keeping its created_at). {@link #remove} is idempotent. {@link #list} is ordered by created_at
 * then user id and joins the member's email and name. {@link #findByProjectIds} is the batch
 * form for readers of many projects (export): every membership of those projects, ordered by
 * project id, then created_at, then user id, in one round of reads.
 */
public interface MemberRepository {
    void save(Member member);

    /**
     * Inserts memberships that do not exist yet (those of projects just created), in batches; an
     * existing one is a {@code ConflictException}.
     */
    void insertAll(List<Member> members);

    boolean remove(ProjectId project, UserId user);

    Optional<Role> roleOf(ProjectId project, UserId user);

    Page<MemberProfile> list(ProjectId project, int limit, long offset);

    /** Every membership of {@code projects} with email and name, by project id, created_at, user id. */
    List<MemberProfile> findByProjectIds(Collection<ProjectId> projects);
}
