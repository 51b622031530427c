package org.lantir.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

class RepositorySyncSinkTest {

    private final MemoryWorklistRepository repository = new MemoryWorklistRepository();

    @Test
    void completeSyncRemovesVanishedRowsButKeepsTheOnesThatCouldNotBeMapped() {
        repository.applySync("s", List.of(row("1:1"), row("2:1"), row("3:1")), true);
        List<Integer> writerCalls = new ArrayList<>();
        SyncSink sink = new RepositorySyncSink(repository, (source, rows, complete) -> {
            writerCalls.add(rows.size());
            return repository.applySync(source, rows, complete);
        });

        SyncCounts counts = sink.apply("s", List.of(row("1:1")), true, Set.of("2:1"));

        assertThat(repository.all()).extracting(WorklistItem::sourceKey)
                .containsExactlyInAnyOrder("1:1", "2:1");
        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 1, 1));
        assertThat(writerCalls).containsExactly(2);
    }

    @Test
    void withoutKeysToKeepTheRowsGoStraightThrough() {
        repository.applySync("s", List.of(row("1:1"), row("2:1")), true);

        SyncCounts counts = new RepositorySyncSink(repository)
                .apply("s", List.of(row("1:1")), true, Set.of());

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 1, 1));
    }

    @Test
    void defaultOfTheSinkPortRemovesNothingWhenItCannotTellRowsApart() {
        repository.applySync("s", List.of(row("1:1"), row("2:1")), true);
        SyncSink plain = repository::applySync;

        plain.apply("s", List.of(row("1:1")), true, Set.of("3:1"));

        assertThat(repository.size()).isEqualTo(2);
    }

    private static WorklistItem row(String key) {
        return WorklistItem.builder().dataSource("s").sourceKey(key).patientId("P" + key)
                .scheduledStartDate(LocalDate.of(2025, 3, 10)).build();
    }
}
