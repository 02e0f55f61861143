package dev.atelier.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void a_credential_gets_its_burst_then_waits() {
        RateLimits limits = new RateLimits(true, 1, 2, 60);
        assertThat(limits.request("key:a")).isEmpty();
        assertThat(limits.request("key:a")).isEmpty();
        assertThat(limits.request("key:a"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(limits.request("key:b"))
                .as("each credential has its own bucket")
                .isEmpty();
    }

    @Test
    void an_address_is_blocked_once_its_failed_attempts_are_used_up() {
        RateLimits limits = new RateLimits(true, 1000, 2000, 2);
        assertThat(limits.failedAuthBlocked("10.0.0.1")).isEmpty();
        limits.failedAuth("10.0.0.1");
        assertThat(limits.failedAuthBlocked("10.0.0.1")).isEmpty();
        limits.failedAuth("10.0.0.1");
        assertThat(limits.failedAuthBlocked("10.0.0.1"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30)));
        assertThat(limits.failedAuthBlocked("10.0.0.2")).isEmpty();
    }

    @Test
    void disabled_or_zero_limits_allow_everything() {
        RateLimits off = new RateLimits(false, 1, 1, 1);
        RateLimits zero = new RateLimits(true, 0, 0, 0);
        for (int i = 0; i < 10; i++) {
            off.failedAuth("a");
            zero.failedAuth("a");
            assertThat(off.request("key:a")).isEmpty();
            assertThat(zero.request("key:a")).isEmpty();
        }
        assertThat(off.failedAuthBlocked("a")).isEmpty();
        assertThat(zero.failedAuthBlocked("a")).isEmpty();
    }

    @Test
    void retry_after_is_whole_seconds_rounded_up_and_at_least_one() {
        assertThat(RateLimits.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        assertThat(RateLimits.retryAfterSeconds(Duration.ofMillis(1500))).isEqualTo(2);
        assertThat(RateLimits.retryAfterSeconds(Duration.ofSeconds(60))).isEqualTo(60);
    }

    @Test
    void negative_figures_are_a_configuration_error() {
        assertThatThrownBy(() -> new RateLimits(true, -1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
