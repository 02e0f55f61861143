package dev.atelier.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.application.project.ProjectStores;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import dev.atelier.domain.port.DocumentRepository;
import dev.atelier.domain.port.EventRepository;
import dev.atelier.domain.port.MemberRepository;
import dev.atelier.domain.port.ParamHistoryRepository;
import dev.atelier.domain.port.ProjectRepository;
import dev.atelier.domain.port.UserRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The export reads each table in batches of {@link ProjectTables#BATCH} projects (no read per
 * project), and writes the rows in project id order. The repositories are the in-memory store's,
 * wrapped to count the calls made to them.
 */
class ExportBatchReadsTest {
    private static final int PROJECTS = 1_201;

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    private <T> T counted(Class<T> port, T real) {
        return (T) Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.computeIfAbsent(port.getSimpleName() + "." + method.getName(), k -> new AtomicInteger())
                    .incrementAndGet();
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private int calls(String name) {
        return calls.getOrDefault(name, new AtomicInteger()).get();
    }

    @Test
    void a_workspace_export_reads_every_table_in_batches_and_writes_rows_in_project_id_order() {
        Installation in = new Installation();
        User owner = in.user("owner@example.com", null);
        User member = in.user("member@example.com", null);
        Workspace ws = in.workspace(owner, "big");
        List<ProjectId> ids = new ArrayList<>();
        for (int i = 0; i < PROJECTS; i++) {
            Project p = in.storedProject(owner, ws, "project " + i, Map.of(), Map.of("n", i));
            var now = in.clock.instant();
            in.store.members.save(new Member(p.id(), member.id(), Role.VIEWER, now));
            if (i % 100 == 0) {
                in.store.documents.insert(new Document(
                        in.ids.newId(),
                        p.id(),
                        "a.txt",
                        "text/plain",
                        1,
                        "ab".repeat(32),
                        "a",
                        1,
                        null,
                        null,
                        1,
                        false,
                        false,
                        new byte[] {65},
                        now));
            }
            ids.add(p.id());
        }
        ProjectTables tables = new ProjectTables(
                new ProjectStores(
                        counted(ProjectRepository.class, in.store.projects),
                        counted(ParamHistoryRepository.class, in.store.params),
                        counted(MemberRepository.class, in.store.members),
                        counted(DocumentRepository.class, in.store.documents),
                        counted(EventRepository.class, in.store.events)),
                counted(UserRepository.class, in.store.users));
        MapExportSink sink = new MapExportSink();
        // the ids in creation order, with a duplicate and one that does not exist
        List<ProjectId> asked = new ArrayList<>(ids);
        asked.add(ids.get(7));
        asked.add(new ProjectId(in.ids.newId()));

        Map<String, Long> counts = tables.write(asked, Map.of(), sink);

        int batches = (PROJECTS + 1 + ProjectTables.BATCH - 1) / ProjectTables.BATCH;
        assertThat(calls("ProjectRepository.findByIds")).isEqualTo(batches);
        assertThat(calls("ParamHistoryRepository.findByProjectIds")).isLessThanOrEqualTo(batches);
        assertThat(calls("MemberRepository.findByProjectIds")).isLessThanOrEqualTo(batches);
        assertThat(calls("DocumentRepository.findByProjectIds")).isLessThanOrEqualTo(batches);
        assertThat(calls("EventRepository.findByProjectIds")).isLessThanOrEqualTo(batches);
        assertThat(calls("UserRepository.findById"))
                .as("one per distinct owner")
                .isEqualTo(1);
        assertThat(calls)
                .doesNotContainKeys(
                        "ProjectRepository.findById",
                        "ParamHistoryRepository.history",
                        "MemberRepository.list",
                        "DocumentRepository.list",
                        "EventRepository.timeline");
        assertThat(counts)
                .containsEntry(ExportFormat.PROJECTS, (long) PROJECTS)
                .containsEntry(ExportFormat.PARAMS, (long) PROJECTS)
                .containsEntry(ExportFormat.MEMBERS, (long) PROJECTS)
                .containsEntry(ExportFormat.DOCUMENTS, 13L);
        List<String> byId = ids.stream()
                .map(ProjectId::value)
                .sorted(Comparator.naturalOrder())
                .toList();
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> written =
                (Map<String, List<Map<String, Object>>>) sink.result().get("tables");
        assertThat(written.get(ExportFormat.PROJECTS))
                .extracting(r -> r.get("id"))
                .containsExactlyElementsOf(byId);
        assertThat(written.get(ExportFormat.PARAMS))
                .extracting(r -> r.get("project_id"))
                .containsExactlyElementsOf(byId);
        assertThat(written.get(ExportFormat.MEMBERS))
                .extracting(r -> r.get("project_id"))
                .containsExactlyElementsOf(byId);
    }
}
