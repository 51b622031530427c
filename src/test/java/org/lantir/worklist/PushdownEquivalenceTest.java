package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.RandomWorklist;
import org.lantir.testing.TestLantir;

/**
 * Narrowing with the store's filter never changes an answer: on a generated worklist, many
 * generated queries give the same rows, in the same order, with and without pushdown.
 */
class PushdownEquivalenceTest {

    private final RandomWorklist generated = new RandomWorklist(20250212);
    private final TestLantir lantir = new TestLantir();

    @Test
    void generatedQueriesGiveTheSameRowsWithAndWithoutPushdown() {
        for (int i = 0; i < 600; i++) {
            lantir.store(generated.row(i));
        }
        int narrowed = 0;
        for (int q = 0; q < 400; q++) {
            Dataset identifier = generated.query();
            int seen = lantir.worklist.filtersSeen().size();
            List<Long> pushed = run(identifier, true);
            if (lantir.worklist.filtersSeen().size() > seen
                    && !lantir.worklist.filtersSeen().get(seen).equals(WorklistFilter.all())) {
                narrowed++;
            }
            List<Long> inMemory = run(identifier, false);

            assertThat(pushed).as("query %d", q).isEqualTo(inMemory);
        }
        assertThat(narrowed).as("queries the store narrowed").isGreaterThan(200);
    }

    /** The ids of the matching rows in answer order; [-status] when the query is refused. */
    private List<Long> run(Dataset identifier, boolean pushdown) {
        lantir.configure(WorklistSettings.defaults().withSqlPushdown(pushdown),
                MwlScpSettings.defaults());
        List<Long> ids = new ArrayList<>();
        WorklistService service = lantir.service();
        try {
            service.find(service.parseQuery(identifier), match -> ids.add(match.item().id()));
        } catch (MwlQueryException refused) {
            return List.of((long) -refused.status());
        }
        return ids;
    }
}
