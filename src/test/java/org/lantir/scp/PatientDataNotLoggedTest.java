package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lantir.testing.Identifiers.empty;
import static org.lantir.testing.Identifiers.sps;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.net.Status;
import org.lantir.store.Database;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.ScpHarness;
import org.lantir.worklist.WorklistItem;
import org.slf4j.LoggerFactory;

/**
 * No patient name, ID, birth date or accession number reaches an INFO, WARN or ERROR line
 * (issue #2, STYLE "Logging"): a sync, an edit by hand, C-FINDs that match and that are
 * refused, MPPS N-CREATE (matched, unmatched, refused, failing in the store) and N-SET run
 * with fictional values on the real store while every event of {@code org.lantir} is
 * captured. The same values do appear at DEBUG, which shows the capture sees them.
 */
class PatientDataNotLoggedTest {

    private static final String NAME = "QUILLFEATHER^ROSALIND";
    private static final String PATIENT_ID = "PHI-7731-ZQ";
    private static final LocalDate BIRTH = LocalDate.of(1977, 3, 4);
    private static final String ACCESSION = "ACC-PHI-5512";
    private static final String[] PATIENT_DATA = {"QUILLFEATHER", "ROSALIND", PATIENT_ID,
        "19770304", "1977-03-04", ACCESSION};

    @TempDir
    Path dir;

    private final Logger lantirLogger = (Logger) LoggerFactory.getLogger("org.lantir");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Level levelBefore;
    private Database db;
    private ScpHarness lantir;

    @BeforeEach
    void captureEverything() {
        levelBefore = lantirLogger.getLevel();
        lantirLogger.setLevel(Level.DEBUG);
        log.start();
        lantirLogger.addAppender(log);
        db = Database.open(dir.resolve("worklist.db"), ScpHarness.CLOCK);
        lantir = ScpHarness.onSqlite(db);
    }

    @AfterEach
    void release() {
        lantir.drainEvents();
        db.close();
        lantirLogger.detachAppender(log);
        lantirLogger.setLevel(levelBefore);
    }

    @Test
    void noPatientDataInAnyInfoWarnOrErrorLine() {
        worklistChanges();
        cFinds();
        mppsMessages();

        List<String> infoAndAbove = texts(Level.INFO);
        assertThat(infoAndAbove).as("INFO+ lines captured").hasSizeGreaterThan(10);
        for (String line : infoAndAbove) {
            for (String value : PATIENT_DATA) {
                assertThat(line.toUpperCase(Locale.ROOT)).as("an INFO+ line")
                        .doesNotContain(value.toUpperCase(Locale.ROOT));
            }
        }
        assertThat(String.join("\n", texts(Level.TRACE))).as("DEBUG lines")
                .contains("QUILL*", PATIENT_ID, ACCESSION, "1977-03-04");
    }

    private void worklistChanges() {
        WorklistItem booking = MppsMessages.sub001().toBuilder().patientName(NAME)
                .patientId(PATIENT_ID).patientBirthDate(BIRTH).accessionNumber(ACCESSION)
                .sourceKey("1001").build();
        lantir.service().applySync("redcap", List.of(booking), true);
        lantir.service().add(booking.toBuilder().sourceKey(null).spsId("SPS-HAND-1")
                .accessionNumber(null).requestedProcedureId(null).build());
        lantir.service().backfillMissingIds();
    }

    private void cFinds() {
        Dataset byName = query();
        byName.setString(Tag.PatientName, "QUILL*");
        byName.setString(Tag.PatientBirthDate, "19770304");
        assertThat(lantir.cFind(byName).identifiers()).hasSize(2);

        Dataset byAccession = query();
        byAccession.setString(Tag.AccessionNumber, ACCESSION);
        byAccession.setString(Tag.PatientID, PATIENT_ID);
        assertThat(lantir.cFind(byAccession).identifiers()).hasSize(1);

        Dataset malformed = query();
        malformed.setString(Tag.PatientBirthDate, "1977-03-04");
        assertThat(lantir.cFind(malformed).status())
                .isEqualTo(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS);
    }

    private static Dataset query() {
        Dataset q = new Dataset();
        empty(q, Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate, Tag.AccessionNumber);
        empty(sps(q), Tag.ScheduledProcedureStepStartDate, Tag.ScheduledProcedureStepID);
        return q;
    }

    private void mppsMessages() {
        String matched = "2.25.900000000000000000021";
        assertThat(lantir.nCreate(matched, withPatientData(MppsMessages.nCreate())).status())
                .isEqualTo(Status.SUCCESS);
        assertThat(lantir.nSet(matched, MppsMessages.nSetCompleted()).status())
                .isEqualTo(Status.SUCCESS);
        assertThat(lantir.nCreate(matched, withPatientData(MppsMessages.nCreate())).status())
                .isEqualTo(Status.DUPLICATE_SOP_INSTANCE);

        Dataset unmatched = withPatientData(MppsMessages.nCreate());
        unmatched.getItem(Tag.ScheduledStepAttributesSequence)
                .setString(Tag.StudyInstanceUID, "2.25.424242");
        unmatched.getItem(Tag.ScheduledStepAttributesSequence)
                .setString(Tag.ScheduledProcedureStepID, "SPS-NONE");
        unmatched.getItem(Tag.ScheduledStepAttributesSequence).remove(Tag.AccessionNumber);
        unmatched.setString(Tag.PerformedProcedureStepStartDate, "20250301");
        unmatched.remove(Tag.PerformedProcedureTypeDescription);
        assertThat(lantir.nCreate("2.25.900000000000000000022", unmatched).status())
                .isEqualTo(Status.SUCCESS);

        Dataset refused = withPatientData(MppsMessages.nCreate());
        refused.remove(Tag.Modality);
        assertThat(lantir.nCreate("2.25.900000000000000000023", refused).status())
                .isEqualTo(Status.MISSING_ATTRIBUTE);

        refuseEventLogWrites();
        assertThat(lantir.nCreate("2.25.900000000000000000024",
                withPatientData(MppsMessages.nCreate())).status())
                .isEqualTo(Status.PROCESSING_FAILURE);
    }

    private static Dataset withPatientData(Dataset attrs) {
        attrs.setString(Tag.PatientName, NAME);
        attrs.setString(Tag.PatientID, PATIENT_ID);
        attrs.setString(Tag.PatientBirthDate, "19770304");
        attrs.getItem(Tag.ScheduledStepAttributesSequence)
                .setString(Tag.AccessionNumber, ACCESSION);
        return attrs;
    }

    /** A store failure, so that the ERROR path with its exception is logged too. */
    private void refuseEventLogWrites() {
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TRIGGER refuse BEFORE INSERT ON event_log "
                        + "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
            }
            return null;
        });
    }

    /** Message and exception chain of every captured event at {@code least} or above. */
    private List<String> texts(Level least) {
        List<String> texts = new ArrayList<>();
        for (ILoggingEvent event : log.list) {
            if (event.getLevel().isGreaterOrEqual(least)) {
                StringBuilder text = new StringBuilder(event.getFormattedMessage());
                for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    text.append(" | ").append(t.getClassName()).append(": ")
                            .append(t.getMessage());
                }
                texts.add(text.toString());
            }
        }
        return texts;
    }
}
