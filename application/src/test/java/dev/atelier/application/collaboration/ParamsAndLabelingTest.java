package dev.atelier.application.collaboration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.application.project.LoadProject;
import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.TooManyResultsException;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ParamsAndLabelingTest {
    private final Fixture f = new Fixture();
    private final User alice = f.user("Alice");
    private final User bob = f.user("Bob");

    private LoadProject.Loaded kittens() {
        return f.createLabeling.execute(new CreateLabelingProject.Command(
                alice,
                "imageannotation",
                "kitten_labeling",
                Map.of("instruction", "Please label the kittens", "objects", List.of("cat")),
                false,
                false,
                null,
                null,
                null));
    }

    @Test
    void create_stores_version_zero_with_the_instruction_taken_out_of_the_params_and_the_flags() {
        LoadProject.Loaded created = kittens();

        assertThat(created.project().type()).isEqualTo("imageannotation");
        assertThat(created.project().name()).isEqualTo("kitten_labeling");
        assertThat(created.project().labeling().rapid()).isFalse();
        assertThat(created.project().labeling().studio()).isFalse();
        assertThat(created.project().labeling().pinned()).isFalse();
        assertThat(created.paramHistory()).hasSize(1);
        ParamVersion v0 = created.paramHistory().get(0);
        assertThat(v0.version()).isZero();
        assertThat(v0.instruction()).isEqualTo("Please label the kittens");
        assertThat(v0.params()).containsOnlyKeys("objects");
    }

    @Test
    void create_requires_type_and_name_and_refuses_a_duplicate_name() {
        kittens();
        assertThatThrownBy(this::kittens).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> new CreateLabelingProject.Command(alice, " ", "x", null, null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("type");
        assertThatThrownBy(() -> new CreateLabelingProject.Command(
                        alice, "imageannotation", "", null, null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("name");
    }

    @Test
    void another_user_may_use_the_same_name_and_cannot_see_mine_by_name() {
        kittens();
        f.createLabeling.execute(
                new CreateLabelingProject.Command(bob, "text", "kitten_labeling", null, null, null, null, null, null));

        assertThat(f.getLabeling
                        .execute(new GetLabelingProject.Command(bob, "kitten_labeling"))
                        .project()
                        .type())
                .isEqualTo("text");
        assertThat(f.getLabeling
                        .execute(new GetLabelingProject.Command(alice, "kitten_labeling"))
                        .project()
                        .type())
                .isEqualTo("imageannotation");
        assertThatThrownBy(() -> f.getLabeling.execute(new GetLabelingProject.Command(alice, "missing")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void set_params_without_patch_holds_only_the_requests_params() {
        String id = kittens().project().id().value();

        LoadProject.Loaded after = f.setParams.execute(SetParams.Command.fromBody(alice, id, Map.of("priority", 10)));

        ParamVersion v1 = after.current();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.params()).containsExactly(Map.entry("priority", 10));
        assertThat(v1.instruction()).isNull();
        assertThat(after.paramHistory()).extracting(ParamVersion::version).containsExactly(0, 1);
    }

    @Test
    void set_params_with_patch_replaces_top_level_fields_without_deep_merge_and_keeps_the_instruction() {
        String id = f.createLabeling
                .execute(new CreateLabelingProject.Command(
                        alice,
                        "imageannotation",
                        "p",
                        Map.of("instruction", "label cats", "a", 1, "nested", Map.of("x", 1, "y", 2)),
                        null,
                        null,
                        null,
                        null,
                        null))
                .project()
                .id()
                .value();

        ParamVersion v1 = f.setParams
                .execute(SetParams.Command.fromBody(alice, id, Map.of("patch", true, "nested", Map.of("x", 9))))
                .current();

        assertThat(v1.params()).containsEntry("a", 1).containsEntry("nested", Map.of("x", 9));
        assertThat(v1.instruction()).isEqualTo("label cats");

        ParamVersion v2 = f.setParams
                .execute(SetParams.Command.fromBody(alice, id, Map.of("patch", "true", "instruction", "new")))
                .current();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.instruction()).isEqualTo("new");
        assertThat(v2.params()).containsEntry("a", 1);
    }

    @Test
    void patch_sent_as_the_string_false_means_no_patch_and_records_an_event() {
        String id = kittens().project().id().value();

        ParamVersion v1 = f.setParams
                .execute(SetParams.Command.fromBody(alice, id, Map.of("patch", "false")))
                .current();

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.params()).isEmpty();
        assertThat(v1.instruction()).isNull();
        var events = f.store.events.timeline(kittens_id(id));
        assertThat(events.get(events.size() - 1).type()).isEqualTo(EventType.PARAMS_CHANGED);
    }

    private static dev.atelier.domain.model.ProjectId kittens_id(String id) {
        return new dev.atelier.domain.model.ProjectId(id);
    }

    @Test
    void bad_flags_reserved_keys_and_non_string_instructions_are_invalid() {
        assertThatThrownBy(() -> SetParams.Command.fromBody(alice, "p", Map.of("patch", "yes")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("patch");
        assertThatThrownBy(() -> SetParams.Command.fromBody(alice, "p", Map.of("patch", 1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SetParams.Command.fromBody(alice, "p", Map.of("version", 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> SetParams.Command.fromBody(alice, "p", Map.of("instruction", 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("instruction");
        assertThat(SetParams.flag("patch", "TRUE")).isTrue();
        assertThat(SetParams.flag("patch", null)).isFalse();
    }

    @Test
    void a_viewer_cannot_set_params_and_an_editor_can() {
        var project = kittens().project();
        f.grant(project, bob, Role.VIEWER);
        assertThatThrownBy(() -> f.setParams.execute(
                        SetParams.Command.fromBody(bob, project.id().value(), Map.of("a", 1))))
                .isInstanceOf(ForbiddenException.class);
        f.grant(project, bob, Role.EDITOR);
        assertThat(f.setParams
                        .execute(SetParams.Command.fromBody(bob, project.id().value(), Map.of("a", 1)))
                        .current()
                        .version())
                .isEqualTo(1);
    }

    @Test
    void concurrent_set_params_give_every_version_exactly_once() throws Exception {
        String id = kittens().project().id().value();
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Integer> written = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("patch", true);
                        body.put("t" + thread, i);
                        written.add(f.setParams
                                .execute(SetParams.Command.fromBody(alice, id, body))
                                .paramHistory()
                                .size());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<ParamVersion> history = f.store.params.history(new dev.atelier.domain.model.ProjectId(id));
        int total = threads * perThread;
        assertThat(history).extracting(ParamVersion::version).containsExactlyElementsOf(range(total + 1));
        assertThat(written).doesNotHaveDuplicates().hasSize(total);
        ParamVersion last = history.get(history.size() - 1);
        for (int t = 0; t < threads; t++) {
            assertThat(last.params()).containsEntry("t" + t, perThread - 1);
        }
    }

    private static List<Integer> range(int n) {
        List<Integer> r = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            r.add(i);
        }
        return r;
    }

    @Test
    void list_filters_by_archived_and_keeps_creation_order() {
        var first = kittens().project();
        f.createLabeling.execute(
                new CreateLabelingProject.Command(alice, "text", "second", null, null, null, null, null, null));
        f.createLabeling.execute(
                new CreateLabelingProject.Command(bob, "text", "bobs", null, null, null, null, null, null));
        f.archiveProject.execute(new ArchiveProject.Command(alice, first.id().value(), true));

        assertThat(f.listLabeling.execute(new ListLabelingProjects.Command(alice, null, 100)))
                .extracting(l -> l.project().name())
                .containsExactly("kitten_labeling", "second");
        assertThat(f.listLabeling.execute(new ListLabelingProjects.Command(alice, true, 100)))
                .extracting(l -> l.project().name())
                .containsExactly("kitten_labeling");
        assertThat(f.listLabeling.execute(new ListLabelingProjects.Command(alice, false, 100)))
                .extracting(l -> l.project().name())
                .containsExactly("second");
        assertThat(f.listLabeling
                        .execute(new ListLabelingProjects.Command(alice, null, 100))
                        .get(0)
                        .paramHistory())
                .hasSize(1);
    }

    @Test
    void a_listing_longer_than_the_callers_limit_is_refused_rather_than_cut() {
        kittens();
        f.createLabeling.execute(
                new CreateLabelingProject.Command(alice, "text", "second", null, null, null, null, null, null));

        assertThat(f.listLabeling.execute(new ListLabelingProjects.Command(alice, null, 2)))
                .hasSize(2);
        assertThatThrownBy(() -> f.listLabeling.execute(new ListLabelingProjects.Command(alice, null, 1)))
                .isInstanceOf(TooManyResultsException.class)
                .hasMessage("more than 1 projects to list");
    }

    @Test
    void archiving_twice_records_one_event_and_unarchiving_restores_the_status() {
        var project = kittens().project();
        f.archiveProject.execute(new ArchiveProject.Command(alice, project.id().value(), true));
        f.archiveProject.execute(new ArchiveProject.Command(alice, project.id().value(), true));
        assertThat(f.reload(project).isArchived()).isTrue();
        assertThat(f.store.events.timeline(project.id()))
                .filteredOn(e -> e.type() == EventType.ARCHIVED)
                .hasSize(1);
        f.archiveProject.execute(new ArchiveProject.Command(alice, project.id().value(), false));
        assertThat(f.reload(project).isArchived()).isFalse();
    }
}
