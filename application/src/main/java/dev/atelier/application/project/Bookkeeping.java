package dev.atelier.application.project;

import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import java.time.Clock;

/**
 * What a use case that changes a project works with besides its stores: the transaction it writes
 * in, the timeline that records the change, new ids and the time. One collaborator, so that a use
 * case's constructor lists what is particular to it.
 */
public record Bookkeeping(UnitOfWork uow, Timeline timeline, IdGenerator ids, Clock clock) {}
