package dev.atelier.application.account;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.IdGenerator;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.time.Clock;

/** An administrator registers a user and receives the user's first API key (shown once). */
public final class CreateUser {
    private final UserRepository users;
    private final IssueApiKey issueKey;
    private final UnitOfWork uow;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateUser(UserRepository users, IssueApiKey issueKey, UnitOfWork uow, IdGenerator ids, Clock clock) {
        this.users = users;
        this.issueKey = issueKey;
        this.uow = uow;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the administrator asks for. Email and name are validated by {@link User}. */
    public record Command(User admin, String email, String name, String organization, boolean makeAdmin) {
        public Command {
            if (admin == null || !admin.admin()) {
                throw new ForbiddenException("only administrators may create users");
            }
            email = User.normalizeEmail(email);
        }
    }

    public record Created(User user, IssueApiKey.Issued key) {}

    public Created execute(Command command) {
        return uow.inTransaction(() -> {
            if (users.findByEmail(command.email()).isPresent()) {
                throw new ConflictException("a user with email " + command.email() + " already exists");
            }
            User user = new User(
                    new UserId(ids.newId()),
                    command.email(),
                    command.name(),
                    command.organization(),
                    command.makeAdmin(),
                    clock.instant());
            users.insert(user);
            return new Created(user, issueKey.issueFor(user.id()));
        });
    }
}
