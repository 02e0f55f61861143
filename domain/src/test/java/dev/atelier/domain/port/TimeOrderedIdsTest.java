package dev.atelier.domain.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.model.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void ids_are_version_7_uuids_in_increasing_order_even_within_one_millisecond() {
        IdGenerator ids = new TimeOrderedIds(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        List<String> generated = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            generated.add(ids.newId());
        }
        assertThat(generated).isSorted().doesNotHaveDuplicates();
        assertThat(generated).allMatch(Ids::isValid);
        assertThat(UUID.fromString(generated.get(0)).version()).isEqualTo(7);
    }
}
