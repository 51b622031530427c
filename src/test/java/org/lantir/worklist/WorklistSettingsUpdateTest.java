package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/** The worklist settings change in place while queries run (the configuration editor). */
class WorklistSettingsUpdateTest {

    private final TestLantir lantir = new TestLantir();

    @Test
    void visibleStatusesAndNameCaseFollowTheNewSettings() throws Exception {
        lantir.store(WorklistRows.w1(), completed(WorklistRows.w2()));
        WorklistService service = lantir.service();

        assertThat(patientIds(service, null)).containsExactly("1001");
        assertThat(patientIds(service, "doe^jane")).containsExactly("1001");

        service.updateSettings(service.settings()
                .withVisibleStatuses(EnumSet.of(ProcedureStepStatus.COMPLETED))
                .withPersonNameIgnoresCase(false));

        assertThat(service.settings().visibleStatuses())
                .containsExactly(ProcedureStepStatus.COMPLETED);
        assertThat(patientIds(service, null)).containsExactly("1002");
        assertThat(patientIds(service, "doe^john")).isEmpty();
        assertThat(patientIds(service, "DOE^JOHN")).containsExactly("1002");
    }

    @Test
    void aNewUidRootIsUsedForTheNextMintedUid() {
        WorklistService service = lantir.service();
        service.updateSettings(service.settings().withUidRoot("1.2.826.0.1.3680043.10.999"));

        WorklistItem added = service.add(WorklistRows.w1().toBuilder()
                .studyInstanceUid(null).build());

        assertThat(added.studyInstanceUid()).startsWith("1.2.826.0.1.3680043.10.999.");
    }

    @Test
    void eachQueryRunsWithOneSetOfSettingsWhileTheyChange() throws Exception {
        lantir.store(WorklistRows.w1(), WorklistRows.w2(), completed(WorklistRows.w3()),
                completed(WorklistRows.w4()));
        WorklistService service = lantir.service();
        WorklistSettings scheduled = service.settings()
                .withVisibleStatuses(EnumSet.of(ProcedureStepStatus.SCHEDULED));
        WorklistSettings done = service.settings()
                .withVisibleStatuses(EnumSet.of(ProcedureStepStatus.COMPLETED));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Set<String>>>> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(pool.submit(() -> {
                    List<Set<String>> seen = new ArrayList<>();
                    for (int i = 0; i < 300; i++) {
                        seen.add(Set.copyOf(patientIds(service, null)));
                    }
                    return seen;
                }));
            }
            for (int i = 0; i < 300; i++) {
                service.updateSettings(i % 2 == 0 ? done : scheduled);
            }
            for (Future<List<Set<String>>> reader : readers) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).allSatisfy(ids -> assertThat(ids)
                        .isIn(Set.of("1001", "1002"), Set.of("1003", "1004")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static WorklistItem completed(WorklistItem row) {
        return row.toBuilder().status(ProcedureStepStatus.COMPLETED).build();
    }

    private static List<String> patientIds(WorklistService service, String name)
            throws MwlQueryException {
        Dataset identifier = new Dataset();
        identifier.setString(Tag.PatientID, "");
        identifier.setString(Tag.PatientName, name == null ? "" : name);
        List<String> ids = new ArrayList<>();
        service.find(service.parseQuery(identifier), match -> ids.add(match.item().patientId()));
        return ids;
    }
}
