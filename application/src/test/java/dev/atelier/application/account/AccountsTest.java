package dev.atelier.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.TestAtelier;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.model.User;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest {
    private final TestAtelier atelier = new TestAtelier();

    private User admin() {
        String token = atelier.bootstrapAdmin.ensureAdmin(Optional.empty()).orElseThrow();
        return atelier.authenticate.withApiKey(token);
    }

    @Test
    void first_start_without_a_chosen_token_generates_one_admin_key_once() {
        Optional<String> first = atelier.bootstrapAdmin.ensureAdmin(Optional.empty());
        Optional<String> second = atelier.bootstrapAdmin.ensureAdmin(Optional.empty());
        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(atelier.authenticate.withApiKey(first.get()).admin()).isTrue();
    }

    @Test
    void an_operator_chosen_admin_token_authenticates_the_bootstrap_admin() {
        atelier.bootstrapAdmin.ensureAdmin(Optional.of("operator-chosen-secret-123"));
        atelier.bootstrapAdmin.ensureAdmin(Optional.of("operator-chosen-secret-123"));
        User admin = atelier.authenticate.withApiKey("operator-chosen-secret-123");
        assertThat(admin.email()).isEqualTo(BootstrapAdmin.ADMIN_EMAIL);
    }

    @Test
    void a_short_admin_token_is_refused() {
        assertThatThrownBy(() -> atelier.bootstrapAdmin.ensureAdmin(Optional.of("short")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void an_admin_creates_a_user_whose_key_authenticates_that_user() {
        var created =
                atelier.createUser.execute(new CreateUser.Command(admin(), "Bob@Example.com", "Bob", "acme", false));
        User bob = atelier.authenticate.withApiKey(created.key().token());
        assertThat(bob.email()).isEqualTo("bob@example.com");
        assertThat(bob.organization()).isEqualTo("acme");
        assertThat(bob.admin()).isFalse();
    }

    @Test
    void emails_are_unique_regardless_of_case() {
        User admin = admin();
        atelier.createUser.execute(new CreateUser.Command(admin, "bob@example.com", "Bob", null, false));
        assertThatThrownBy(() ->
                        atelier.createUser.execute(new CreateUser.Command(admin, "BOB@example.com", "B", null, false)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void only_administrators_manage_users_and_keys() {
        User bob = atelier.user("bob", null);
        assertThatThrownBy(() -> new CreateUser.Command(bob, "x@example.com", "X", null, false))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> atelier.issueApiKey.execute(bob, bob.id().value()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> atelier.revokeApiKey.execute(bob, "abc")).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_revoked_key_stops_working_and_other_keys_keep_working() {
        User admin = admin();
        var created = atelier.createUser.execute(new CreateUser.Command(admin, "bob@example.com", "Bob", null, false));
        var second = atelier.issueApiKey.execute(admin, created.user().id().value());
        atelier.revokeApiKey.execute(admin, created.key().keyId());
        assertThatThrownBy(() -> atelier.authenticate.withApiKey(created.key().token()))
                .isInstanceOf(UnauthenticatedException.class);
        assertThat(atelier.authenticate.withApiKey(second.token()).id())
                .isEqualTo(created.user().id());
    }

    @Test
    void malformed_unknown_and_empty_tokens_fail_alike() {
        admin();
        for (String bad : new String[] {"", "   ", "atl_nope_nope", "garbage-token-value", "x".repeat(600)}) {
            assertThatThrownBy(() -> atelier.authenticate.withApiKey(bad))
                    .isInstanceOf(UnauthenticatedException.class)
                    .hasMessage("missing or invalid credentials");
        }
    }

    @Test
    void using_a_key_records_when_it_was_last_used() {
        String token = atelier.bootstrapAdmin.ensureAdmin(Optional.empty()).orElseThrow();
        atelier.authenticate.withApiKey(token);
        var keyId =
                dev.atelier.domain.model.ApiKeyToken.parse(token).orElseThrow().keyId();
        assertThat(atelier.store.apiKeys.findById(keyId).orElseThrow().lastUsedAt())
                .isEqualTo(atelier.clock.instant());
    }

    @Test
    void an_admin_lists_users_with_every_key_they_had_and_others_may_not() {
        User admin = admin();
        var bob = atelier.createUser.execute(new CreateUser.Command(admin, "bob@example.com", "Bob", "acme", false));
        var second = atelier.issueApiKey.execute(admin, bob.user().id().value());
        atelier.revokeApiKey.execute(admin, bob.key().keyId());

        var page = atelier.listUsers.execute(new ListUsers.Command(admin, 10, 0));

        assertThat(page.total()).isEqualTo(2);
        // one fixed clock: both users were created at the same instant, so their ids order them
        var byId = java.util.Comparator.comparing(
                (ListUsers.Account a) -> a.user().id().value());
        assertThat(page.items()).isSortedAccordingTo(byId);
        assertThat(page.items())
                .extracting(a -> a.user().email())
                .containsExactlyInAnyOrder(admin.email(), "bob@example.com");
        var bobsKeys = page.items().stream()
                .filter(a -> a.user().name().equals("Bob"))
                .findFirst()
                .orElseThrow()
                .keys();
        assertThat(bobsKeys)
                .extracting(k -> k.id())
                .containsExactlyInAnyOrder(bob.key().keyId(), second.keyId());
        assertThat(bobsKeys)
                .filteredOn(k -> k.id().equals(bob.key().keyId()))
                .singleElement()
                .matches(k -> k.revoked());
        assertThat(atelier.listUsers.execute(new ListUsers.Command(admin, 1, 1)).items())
                .containsExactly(page.items().get(1));
        User plain = atelier.authenticate.withApiKey(second.token());
        assertThatThrownBy(() -> atelier.listUsers.execute(new ListUsers.Command(plain, 10, 0)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> new ListUsers.Command(admin, 0, 0)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void only_an_admin_sees_what_the_server_runs_with() {
        var installation = new DescribeServer.Installation("1.2.3", "H2", "2.3", "offline", "all-MiniLM-L6-v2");
        DescribeServer describe = new DescribeServer(() -> installation);
        User admin = admin();
        var bob = atelier.createUser.execute(new CreateUser.Command(admin, "bob@example.com", "Bob", null, false));

        assertThat(describe.execute(admin)).isEqualTo(installation);
        assertThatThrownBy(() -> describe.execute(
                        atelier.authenticate.withApiKey(bob.key().token())))
                .isInstanceOf(ForbiddenException.class);
    }
}
