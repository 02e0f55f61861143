package dev.atelier.domain.model;

import static dev.atelier.domain.model.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamVersionTest {
    private final ParamVersion v0 = ParamVersion.initial(
            Map.of("instruction_extra", "x", "labels", List.of("cat"), "nested", Map.of("a", 1, "b", 2)),
            "label the cats",
            T0);

    @Test
    void a_patch_starts_from_the_previous_params_and_replaces_top_level_fields() {
        ParamVersion v1 = v0.next(Map.of("nested", Map.of("a", 9)), null, true, T0);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.params()).containsEntry("labels", List.of("cat"));
        assertThat(v1.params()).containsEntry("nested", Map.of("a", 9));
        assertThat(v1.instruction()).isEqualTo("label the cats");
    }

    @Test
    void without_patch_the_new_version_holds_only_the_given_params() {
        ParamVersion v1 = v0.next(Map.of("objects_to_annotate", List.of("cat")), null, false, T0);
        assertThat(v1.params()).containsOnlyKeys("objects_to_annotate");
        assertThat(v1.instruction()).isNull();
    }

    @Test
    void a_given_instruction_replaces_the_previous_one() {
        assertThat(v0.next(Map.of(), "new", true, T0).instruction()).isEqualTo("new");
    }
}
