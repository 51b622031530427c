package org.lantir.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.worklist.ExtraAttributes;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistItem;

/**
 * The {@code extra_attributes} column (schema version 4): a row's kept worklist-file
 * attributes are stored and read back as they were, count in a re-sync's comparison, and a
 * value that is not a data set costs the row only its extras.
 */
class ExtraAttributesStoreTest {

    @TempDir
    Path dir;

    private static ExtraAttributes extras(String admissionId) {
        Dataset ds = new Dataset();
        ds.setString(Tag.AdmissionID, VR.LO, admissionId);
        ds.setString(Tag.MedicalAlerts, VR.LO, "Allergie à l'iode");
        ds.addItem(Tag.ScheduledProcedureStepSequence)
                .setString(Tag.ScheduledProcedureStepLocation, VR.SH, "Salle 2");
        return ExtraAttributes.of(ds);
    }

    private static WorklistItem keyed(String key, ExtraAttributes extras) {
        return TestItems.full().toBuilder().sourceKey(key).extraAttributes(extras).build();
    }

    @Test
    void extrasAreStoredAndReadBackAsTheyWere() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);

            WorklistItem stored = repository.insert(keyed(null, extras("ADM-1")));

            WorklistItem read = repository.findById(stored.id()).orElseThrow();
            assertThat(read.extraAttributes()).isEqualTo(extras("ADM-1"));
            Dataset kept = read.extraAttributes().dataset();
            assertThat(kept.getString(Tag.MedicalAlerts)).isEqualTo("Allergie à l'iode");
            assertThat(read.extraAttributes().scheduledStep()
                    .getString(Tag.ScheduledProcedureStepLocation)).isEqualTo("Salle 2");
        }
    }

    @Test
    void aResyncWithOtherExtrasUpdatesAndWithTheSameLeavesTheRow() {
        try (Database db = Database.open(dir.resolve("w.db"))) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            repository.applySync("wl", List.of(keyed("a.wl#1", extras("ADM-1"))), true);

            SyncCounts same = repository.applySync("wl",
                    List.of(keyed("a.wl#1", extras("ADM-1"))), true);
            SyncCounts changed = repository.applySync("wl",
                    List.of(keyed("a.wl#1", extras("ADM-2"))), true);
            SyncCounts dropped = repository.applySync("wl", List.of(keyed("a.wl#1", null)),
                    true);

            assertThat(same).isEqualTo(new SyncCounts(0, 0, 1, 0));
            assertThat(changed).isEqualTo(new SyncCounts(0, 1, 0, 0));
            assertThat(dropped).isEqualTo(new SyncCounts(0, 1, 0, 0));
            assertThat(repository.findBySource("wl").get("a.wl#1").extraAttributes()).isNull();
        }
    }

    @Test
    void unreadableExtrasCostTheRowOnlyItsExtras() throws SQLException {
        Path file = dir.resolve("w.db");
        long id;
        try (Database db = Database.open(file)) {
            id = new SqliteWorklistRepository(db).insert(keyed(null, extras("ADM-1"))).id();
        }
        PylantirFiles.execute(file, "UPDATE worklist_item SET extra_attributes = x'0800' "
                + "WHERE id = " + id);

        try (Database db = Database.open(file)) {
            WorklistItem read = new SqliteWorklistRepository(db).findById(id).orElseThrow();

            assertThat(read.extraAttributes()).isNull();
            assertThat(read.patientId()).isEqualTo(TestItems.full().patientId());
        }
    }

    @Test
    void aVersion3FileGainsTheColumnAndKeepsItsRows() throws SQLException {
        Path file = dir.resolve("v3.db");
        WorklistItem before;
        try (Database db = Database.open(file)) {
            before = new SqliteWorklistRepository(db).insert(TestItems.full().toBuilder()
                    .scheduledEndDate(null).scheduledEndTime(null).build());
        }
        PylantirFiles.execute(file, OlderSchemas.downgradeTo(3));

        try (Database db = Database.open(file)) {
            SqliteWorklistRepository repository = new SqliteWorklistRepository(db);
            WorklistItem read = repository.findById(before.id()).orElseThrow();

            assertThat(db.schemaVersion()).isEqualTo(SchemaMigrator.latestVersion());
            assertThat(read).isEqualTo(before);
            assertThat(read.extraAttributes()).isNull();
            assertThat(repository.update(read.toBuilder().extraAttributes(extras("ADM-3"))
                    .build()).extraAttributes()).isEqualTo(extras("ADM-3"));
        }
    }
}
