package dev.atelier.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private static ApiKey usedAt(Instant lastUsed) {
        return new ApiKey("k1", new UserId("u1"), "hash", T0.minusSeconds(3600), lastUsed, false);
    }

    @Test
    void a_key_never_used_records_its_first_use() {
        assertThat(usedAt(null).useWorthRecording(T0)).isTrue();
    }

    @Test
    void a_use_within_a_minute_of_the_recorded_one_is_not_written_again() {
        assertThat(usedAt(T0).useWorthRecording(T0)).isFalse();
        assertThat(usedAt(T0).useWorthRecording(T0.plusSeconds(59))).isFalse();
    }

    @Test
    void a_use_a_minute_or_more_after_the_recorded_one_is_written() {
        assertThat(usedAt(T0).useWorthRecording(T0.plusSeconds(60))).isTrue();
        assertThat(usedAt(T0).useWorthRecording(T0.plusSeconds(3600))).isTrue();
    }

    @Test
    void a_recorded_time_in_the_future_of_this_clock_is_left_alone() {
        assertThat(usedAt(T0.plusSeconds(30)).useWorthRecording(T0)).isFalse();
    }
}
