package dev.atelier.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {
    @Test
    void a_generated_token_parses_back_to_its_id_and_secret() {
        ApiKeyToken token = ApiKeyToken.generate();
        assertThat(ApiKeyToken.parse(token.value())).contains(token);
    }

    @Test
    void a_token_matches_its_own_hash_only() {
        ApiKeyToken token = ApiKeyToken.generate();
        assertThat(token.matches(token.secretHash())).isTrue();
        assertThat(token.matches(ApiKeyToken.generate().secretHash())).isFalse();
    }

    @Test
    void a_token_does_not_match_a_truncated_or_empty_hash_and_comparison_never_throws() {
        ApiKeyToken token = ApiKeyToken.generate();
        String hash = token.secretHash();
        assertThat(hash).hasSize(64);
        assertThat(token.matches(hash.substring(0, 63))).isFalse();
        assertThat(token.matches(hash + "0")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(hash.toUpperCase(java.util.Locale.ROOT))).isFalse();
    }

    @Test
    void any_other_string_maps_to_a_stable_derived_key() {
        ApiKeyToken a = ApiKeyToken.fromPresented("my-operator-chosen-token");
        ApiKeyToken b = ApiKeyToken.fromPresented("my-operator-chosen-token");
        assertThat(a.keyId()).isEqualTo(b.keyId()).matches(Ids::isValid);
        assertThat(a.matches(b.secretHash())).isTrue();
    }

    @Test
    void the_secret_never_shows_in_to_string() {
        ApiKeyToken token = ApiKeyToken.generate();
        assertThat(token.toString()).doesNotContain(token.secret());
    }
}
