package dev.atelier.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProjectPositionTest {
    private final User caller = Fixtures.user("u1", null);
    private final ProjectQuery byName = ProjectQuery.builder(caller)
            .sort(ProjectSort.NAME, true)
            .page(10, 0)
            .build();

    @Test
    void the_position_after_a_project_holds_the_key_of_the_sort_and_its_id() {
        Project p = Fixtures.project("p1", caller, Scope.USER);

        assertThat(ProjectPosition.after(p, ProjectSort.NAME, true).key()).isEqualTo(p.name());
        assertThat(ProjectPosition.after(p, ProjectSort.CREATED_AT, false).key())
                .isEqualTo(p.createdAt());
        assertThat(ProjectPosition.after(p, ProjectSort.DATASET_COUNT, true).key())
                .isEqualTo(p.datasetCount());
        assertThat(ProjectPosition.after(p, ProjectSort.MODEL_COUNT, true).key())
                .isNull();
        assertThat(ProjectPosition.after(p, ProjectSort.MODEL_COUNT, true).id()).isEqualTo(p.id());
    }

    @Test
    void a_key_of_the_wrong_type_for_the_sort_is_invalid_input() {
        assertThatThrownBy(() -> new ProjectPosition(ProjectSort.CREATED_AT, true, "yesterday", new ProjectId("p")))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ProjectPosition(ProjectSort.MODEL_COUNT, true, 3, new ProjectId("p")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_query_continues_after_a_position_of_its_own_sort_order_only_and_never_with_an_offset() {
        ProjectPosition name = new ProjectPosition(ProjectSort.NAME, true, "m", new ProjectId("p"));
        ProjectPosition descending = new ProjectPosition(ProjectSort.NAME, false, "m", new ProjectId("p"));
        ProjectPosition created = new ProjectPosition(ProjectSort.CREATED_AT, true, Instant.EPOCH, new ProjectId("p"));

        assertThat(byName.after(name).after()).isEqualTo(name);
        assertThat(byName.after(name).offset()).isZero();
        assertThatThrownBy(() -> byName.after(descending)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> byName.after(created)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ProjectQuery.builder(caller)
                        .sort(ProjectSort.NAME, true)
                        .page(10, 5)
                        .totalWindow(100)
                        .after(name)
                        .build())
                .isInstanceOf(InvalidInputException.class);
    }
}
