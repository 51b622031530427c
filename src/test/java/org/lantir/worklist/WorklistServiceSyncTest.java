package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.UID;
import org.lantir.events.LantirEvent;
import org.lantir.scp.MwlScpSettings;
import org.lantir.testing.TestLantir;

/**
 * The sync's port and edits by hand: missing identifiers are minted as real, unique values
 * (UIDs under the site's root, never 1.2.840.10008), kept across re-syncs, and every change
 * is told to the event feed.
 */
class WorklistServiceSyncTest {

    private final TestLantir lantir = new TestLantir();

    private static WorklistItem booking(String key, String patientId) {
        return WorklistItem.builder().sourceKey(key).patientName("SUBJECT^" + key)
                .patientId(patientId).modality("MR").scheduledStationAeTitle(" MRI_3T ")
                .scheduledStartDate(LocalDate.of(2025, 2, 12))
                .scheduledStartTime(LocalTime.of(9, 0)).build();
    }

    @Test
    void missingIdentifiersAreMintedUniqueAndWithinTheirVr() {
        lantir.service().applySync("redcap", List.of(booking("1", "P1"), booking("2", "P2")),
                true);

        List<WorklistItem> rows = lantir.worklist.all();
        assertThat(rows).hasSize(2);
        for (WorklistItem row : rows) {
            assertThat(row.requestedProcedureId()).startsWith("RP").hasSizeBetween(3, 16);
            assertThat(row.spsId()).startsWith("SPS").hasSizeBetween(4, 16);
            assertThat(row.accessionNumber()).startsWith("ACC").hasSizeBetween(4, 16);
            assertThat(UID.isValid(row.studyInstanceUid())).isTrue();
            assertThat(row.studyInstanceUid()).startsWith("2.25.");
            assertThat(row.dataSource()).isEqualTo("redcap");
            assertThat(row.scheduledStationAeTitle()).isEqualTo("MRI_3T");
        }
        assertThat(rows.get(0).studyInstanceUid()).isNotEqualTo(rows.get(1).studyInstanceUid());
        assertThat(rows.get(0).spsId()).isNotEqualTo(rows.get(1).spsId());
        assertThat(rows.get(0).accessionNumber()).isNotEqualTo(rows.get(1).accessionNumber());
    }

    @Test
    void reSyncKeepsEveryMintedIdentifier() {
        lantir.service().applySync("redcap", List.of(booking("1", "P1")), true);
        WorklistItem first = lantir.worklist.all().get(0);

        WorklistItem changed = booking("1", "P1").toBuilder()
                .scheduledStartTime(LocalTime.of(10, 0)).build();
        SyncCounts counts = lantir.service().applySync("redcap", List.of(changed), true);

        WorklistItem again = lantir.worklist.all().get(0);
        assertThat(counts.updated()).isEqualTo(1);
        assertThat(again.scheduledStartTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(again.studyInstanceUid()).isEqualTo(first.studyInstanceUid());
        assertThat(again.requestedProcedureId()).isEqualTo(first.requestedProcedureId());
        assertThat(again.spsId()).isEqualTo(first.spsId());
        assertThat(again.accessionNumber()).isEqualTo(first.accessionNumber());
    }

    @Test
    void unchangedReSyncChangesNothingAndPublishesNothing() {
        lantir.service().applySync("redcap", List.of(booking("1", "P1")), true);

        SyncCounts counts = lantir.service().applySync("redcap", List.of(booking("1", "P1")),
                true);

        assertThat(counts).isEqualTo(new SyncCounts(0, 0, 1, 0));
        assertThat(lantir.drainEvents()).filteredOn(e -> e instanceof LantirEvent.WorklistChanged)
                .hasSize(1);
    }

    @Test
    void identifiersGivenBySourceAreKept() {
        WorklistItem given = booking("1", "P1").toBuilder().accessionNumber("ACC-77")
                .studyInstanceUid("2.25.42").spsId("S-1").requestedProcedureId("R-1").build();

        lantir.service().applySync("redcap", List.of(given), true);

        WorklistItem row = lantir.worklist.all().get(0);
        assertThat(row.accessionNumber()).isEqualTo("ACC-77");
        assertThat(row.studyInstanceUid()).isEqualTo("2.25.42");
        assertThat(row.spsId()).isEqualTo("S-1");
        assertThat(row.requestedProcedureId()).isEqualTo("R-1");
    }

    @Test
    void uidsFollowAConfiguredRoot() {
        lantir.configure(WorklistSettings.defaults().withUidRoot("1.2.826.0.1.3680043.10.1"),
                MwlScpSettings.defaults());

        lantir.service().applySync("redcap", List.of(booking("1", "P1")), true);

        String uid = lantir.worklist.all().get(0).studyInstanceUid();
        assertThat(uid).startsWith("1.2.826.0.1.3680043.10.1.");
        assertThat(UID.isValid(uid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008", "1.2.840.10008.3.1.2.3.4", "2.25.", "abc", ""})
    void theStandardsOwnRootOrAnInvalidOneIsRefused(String root) {
        assertThatThrownBy(() -> WorklistSettings.defaults().withUidRoot(root))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("uid root");
    }

    @Test
    void rowsWithoutOrWithRepeatedSourceKeysAreRefusedBeforeAnythingIsStored() {
        assertThatThrownBy(() -> lantir.service().applySync("redcap",
                List.of(booking(null, "P1")), true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lantir.service().applySync("redcap",
                List.of(booking("1", "P1"), booking("1", "P2")), true))
                .hasMessageContaining("appears twice");
        assertThat(lantir.worklist.all()).isEmpty();
    }

    @Test
    void syncChangeIsToldToTheFeed() {
        lantir.service().applySync("redcap", List.of(booking("1", "P1")), true);

        assertThat(lantir.drainEvents()).singleElement().isInstanceOfSatisfying(
                LantirEvent.WorklistChanged.class, e -> {
                    assertThat(e.cause()).isEqualTo("sync:redcap");
                    assertThat(e.added()).isEqualTo(1);
                });
    }

    @Test
    void rowAddedByHandGetsIdentifiersAndCancelHidesIt() {
        WorklistItem added = lantir.service().add(booking(null, "P9"));

        assertThat(added.spsId()).isNotBlank();
        assertThat(UID.isValid(added.studyInstanceUid())).isTrue();

        WorklistItem cancelled = lantir.service().cancel(added.id());

        assertThat(cancelled.status()).isEqualTo(ProcedureStepStatus.DISCONTINUED);
        assertThat(lantir.eventLog.recent(10)).hasSize(2)
                .allSatisfy(e -> assertThat(e.kind()).isEqualTo("WORKLIST_EDITED"));
    }

    @Test
    void backfillMintsWhatStoredRowsLackKeepsWhatTheyHaveAndIsToldOnce() {
        WorklistItem imported = lantir.store(booking("17", "P1").toBuilder()
                .dataSource("pylantir").accessionNumber("ACC17").build()).get(0);
        WorklistItem complete = lantir.store(booking("18", "P2").toBuilder()
                .dataSource("pylantir").requestedProcedureId("RP18").spsId("SPS18")
                .accessionNumber("ACC18").studyInstanceUid("2.25.18")
                .status(ProcedureStepStatus.IN_PROGRESS).build()).get(0);

        int filled = lantir.service().backfillMissingIds();

        WorklistItem row = lantir.worklist.findById(imported.id()).orElseThrow();
        assertThat(filled).isEqualTo(1);
        assertThat(row.requestedProcedureId()).startsWith("RP").hasSize(14);
        assertThat(row.spsId()).startsWith("SPS").hasSize(15);
        assertThat(row.accessionNumber()).isEqualTo("ACC17");
        assertThat(row.studyInstanceUid()).startsWith("2.25.");
        assertThat(lantir.worklist.findById(complete.id())).contains(complete);
        assertThat(lantir.service().backfillMissingIds()).isZero();
        assertThat(lantir.eventLog.recent(10)).singleElement()
                .satisfies(e -> assertThat(e.source()).isEqualTo("backfill"));
        assertThat(lantir.drainEvents()).singleElement().isInstanceOfSatisfying(
                LantirEvent.WorklistChanged.class, e -> assertThat(e.updated()).isEqualTo(1));
    }

    @Test
    void backfilledIdentifiersAreThoseASyncOfTheSameRowWouldMint() {
        lantir.store(booking("17", "P1").toBuilder().dataSource("redcap").build());
        lantir.service().backfillMissingIds();
        WorklistItem backfilled = lantir.worklist.all().get(0);
        TestLantir other = new TestLantir();

        other.service().applySync("redcap", List.of(booking("17", "P1")), true);

        WorklistItem synced = other.worklist.all().get(0);
        assertThat(backfilled.spsId()).isEqualTo(synced.spsId());
        assertThat(backfilled.requestedProcedureId()).isEqualTo(synced.requestedProcedureId());
        assertThat(backfilled.accessionNumber()).isEqualTo(synced.accessionNumber());
    }
}
