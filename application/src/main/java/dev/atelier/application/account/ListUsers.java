package dev.atelier.application.account;

import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.model.ApiKey;
import dev.atelier.domain.model.Page;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.UserId;
import dev.atelier.domain.port.ApiKeyRepository;
import dev.atelier.domain.port.UnitOfWork;
import dev.atelier.domain.port.UserRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An administrator lists the users, oldest first, one page at a time, each with every API key it
 * ever had (revoked ones included, never a secret): what an operator needs to see who has access
 * and which key to revoke. Read in one transaction, the keys of a page in one batch read.
 */
public final class ListUsers {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final UserRepository users;
    private final ApiKeyRepository keys;
    private final UnitOfWork uow;

    public ListUsers(UserRepository users, ApiKeyRepository keys, UnitOfWork uow) {
        this.users = users;
        this.keys = keys;
        this.uow = uow;
    }

    public record Command(User caller, int limit, long offset) {
        public Command {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new InvalidInputException("limit must be between 1 and " + MAX_LIMIT);
            }
            if (offset < 0 || offset > 100_000_000L) {
                throw new InvalidInputException("offset must be between 0 and 100000000");
            }
        }
    }

    /** A user and their keys, oldest key first. */
    public record Account(User user, List<ApiKey> keys) {
        public Account {
            keys = List.copyOf(keys);
        }
    }

    public Page<Account> execute(Command c) {
        if (c.caller() == null || !c.caller().admin()) {
            throw new ForbiddenException("only administrators may list users and their API keys");
        }
        return uow.inTransaction(() -> {
            List<User> page = users.list(c.limit(), c.offset());
            Map<UserId, List<ApiKey>> byUser = new LinkedHashMap<>();
            page.forEach(u -> byUser.put(u.id(), new ArrayList<>()));
            for (ApiKey key : keys.findByUserIds(byUser.keySet())) {
                byUser.get(key.userId()).add(key);
            }
            List<Account> accounts =
                    page.stream().map(u -> new Account(u, byUser.get(u.id()))).toList();
            return new Page<>(accounts, users.count(), c.limit(), c.offset());
        });
    }
}
