package dev.atelier.application.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.StaleVersionException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UniqueNamesTest {

    @Test
    void a_name_taken_in_memory_gets_the_next_free_number() {
        Set<String> taken = new HashSet<>(Set.of("Churn", "Churn (2)"));

        assertThat(UniqueNames.firstFree("Churn", taken)).isEqualTo("Churn (3)");
        assertThat(UniqueNames.firstFree("Churn", taken)).isEqualTo("Churn (4)");
    }

    @Test
    void a_write_that_lost_its_name_to_a_concurrent_writer_runs_again() {
        AtomicInteger attempts = new AtomicInteger();

        String written = UniqueNames.withFreeName(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new ConflictException("a project named 'Churn' already exists");
            }
            return "Churn (3)";
        });

        assertThat(written).isEqualTo("Churn (3)");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void a_stale_version_is_no_name_clash_and_is_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> UniqueNames.withFreeName(() -> {
                    attempts.incrementAndGet();
                    throw new StaleVersionException("the project changed meanwhile");
                }))
                .isInstanceOf(StaleVersionException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void a_name_lost_again_and_again_is_a_conflict_in_the_end() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> UniqueNames.withFreeName(() -> {
                    attempts.incrementAndGet();
                    throw new ConflictException("a project named 'Churn' already exists");
                }))
                .isInstanceOf(ConflictException.class);
        assertThat(attempts).hasValue(UniqueNames.MAX_CLASHES);
    }
}
