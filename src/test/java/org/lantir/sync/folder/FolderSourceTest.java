package org.lantir.sync.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.sync.FetchResult;
import org.lantir.sync.LogCapture;
import org.lantir.sync.MemoryWorklistRepository;
import org.lantir.sync.MutableClock;
import org.lantir.sync.RepositorySyncSink;
import org.lantir.sync.SourceException;
import org.lantir.sync.SyncWindow;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.SyncCounts;
import org.lantir.worklist.WorklistFilter;
import org.lantir.worklist.WorklistItem;

/**
 * A CSV folder as a source, run after run: a changed file is read again, an unchanged one is
 * not (nor, when nothing changed since the last applied run, is anything delivered), a
 * deleted file's SCHEDULED rows leave, a file being written waits, and a run whose rows were
 * not applied is delivered again.
 */
class FolderSourceTest {

    private static final String HEADER = CsvFilesTest.HEADER;
    private static final String JANE = "SUB1,Doe^Jane,2025-02-12,09:00,MR,MRI_3T,,\n";
    private static final String JOHN = "SUB2,Doe^John,2025-02-12,10:00,MR,MRI_3T,,\n";
    private static final String ANN = "SUB3,Roe^Ann,2025-02-13,08:00,MR,MRI_3T,,\n";

    /** What a run over a folder unchanged since the last applied run delivers. */
    private static final FetchResult NOTHING = new FetchResult(List.of(), false, List.of());

    @TempDir
    Path folder;
    private final MemoryWorklistRepository worklist = new MemoryWorklistRepository();
    private final RepositorySyncSink sink = new RepositorySyncSink(worklist);
    private CountingFormat format;
    private FolderSource source;
    private Instant windowEnd = Instant.parse("2025-02-12T06:00:00Z");
    private Instant lastEnd;

    /** A CSV format that counts the files it parses. */
    private static final class CountingFormat implements FileFormat {
        private final CsvFiles csv = new CsvFiles(new CsvSettings(StandardCharsets.UTF_8, ',',
                null, null, null, "99LANTIR"));
        final List<String> parsed = new ArrayList<>();

        @Override
        public String defaultGlob() {
            return csv.defaultGlob();
        }

        @Override
        public long maxFileBytes() {
            return 4096;
        }

        @Override
        public FileRows read(String fileName, byte[] content) {
            parsed.add(fileName);
            return csv.read(fileName, content);
        }
    }

    @BeforeEach
    void build() throws SourceException {
        format = new CountingFormat();
        source = source(Duration.ZERO, Clock.systemUTC());
    }

    private FolderSource source(Duration settle, Clock clock) throws SourceException {
        return new FolderSource("bookings", "CSV folder source 'bookings'",
                new FolderCatalog("CSV folder source 'bookings'", folder,
                        FolderSources.matcher("test", "*.csv"), format, settle, clock));
    }

    private void write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        // Each version gets a distinct time, as a file saved later would.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)
                .plusMillis(format.parsed.size() + names().size())));
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** One run as the scheduler makes it: the first full, then incremental ones. */
    private FetchResult run() throws SourceException {
        return run(true);
    }

    /** @param applied whether the run's rows reach the worklist (else the run fails) */
    private FetchResult run(boolean applied) throws SourceException {
        windowEnd = windowEnd.plusSeconds(60);
        SyncWindow window = lastEnd == null ? SyncWindow.full(windowEnd)
                : SyncWindow.incremental(lastEnd.minusSeconds(300), windowEnd);
        FetchResult result = source.fetch(window);
        if (applied) {
            sink.apply("bookings", result.rows(), result.complete(),
                    new HashSet<>(result.skippedKeys()));
            lastEnd = windowEnd;
        }
        return result;
    }

    private List<String> patientIds() {
        return worklist.find(WorklistFilter.all()).stream().map(WorklistItem::patientId)
                .sorted().toList();
    }

    @Test
    void theFirstRunsDeliverEverythingThenAnUnchangedFolderDeliversNothing()
            throws Exception {
        write("a.csv", HEADER + JANE + JOHN);
        write("b.csv", HEADER + ANN);

        FetchResult first = run();
        FetchResult second = run();
        FetchResult third = run();

        assertThat(first.complete()).isTrue();
        assertThat(first.rows()).hasSize(3);
        // After a full run the source cannot tell it was applied: all again, unchanged.
        assertThat(second.rows()).hasSize(3);
        assertThat(third).isEqualTo(NOTHING);
        assertThat(format.parsed).containsExactlyInAnyOrder("a.csv", "b.csv");
        assertThat(patientIds()).containsExactly("SUB1", "SUB2", "SUB3");
    }

    @Test
    void aChangedFileIsReadAgainAndTheOthersAreNot() throws Exception {
        write("a.csv", HEADER + JANE + JOHN);
        write("b.csv", HEADER + ANN);
        run();
        run();

        write("a.csv", HEADER + JANE.replace("09:00", "09:45") + JOHN);
        FetchResult changed = run();

        assertThat(format.parsed).containsExactlyInAnyOrder("a.csv", "b.csv", "a.csv");
        assertThat(changed.complete()).isTrue();
        assertThat(changed.rows()).hasSize(3);
        assertThat(worklist.find(WorklistFilter.all())).filteredOn(r ->
                r.patientId().equals("SUB1")).singleElement().satisfies(r ->
                assertThat(r.scheduledStartTime()).hasToString("09:45"));
        assertThat(run()).isEqualTo(NOTHING);
    }

    @Test
    void aTouchedFileWithTheSameContentIsNotParsedAgain() throws Exception {
        write("a.csv", HEADER + JANE);
        run();
        run();

        Files.setLastModifiedTime(folder.resolve("a.csv"), FileTime.from(Instant.now()
                .minusSeconds(5)));

        assertThat(run()).isEqualTo(NOTHING);
        assertThat(format.parsed).containsExactly("a.csv");
    }

    @Test
    void aDeletedFilesScheduledRowsLeaveAndStartedOnesStay() throws Exception {
        write("a.csv", HEADER + JANE + JOHN);
        write("b.csv", HEADER + ANN);
        run();
        run();
        WorklistItem john = worklist.find(WorklistFilter.all()).stream()
                .filter(r -> r.patientId().equals("SUB2")).findFirst().orElseThrow();
        worklist.update(john.toBuilder().status(ProcedureStepStatus.IN_PROGRESS).build());

        Files.delete(folder.resolve("a.csv"));
        FetchResult result = run();

        assertThat(result.rows()).extracting(WorklistItem::patientId).containsExactly("SUB3");
        assertThat(patientIds()).containsExactly("SUB2", "SUB3");
    }

    @Test
    void aRunWhoseRowsWereNotAppliedIsDeliveredAgain() throws Exception {
        write("a.csv", HEADER + JANE);
        run();
        run();
        write("b.csv", HEADER + ANN);

        FetchResult lost = run(false);
        FetchResult again = run();

        assertThat(lost.rows()).hasSize(2);
        assertThat(again.rows()).hasSize(2);
        assertThat(patientIds()).containsExactly("SUB1", "SUB3");
        assertThat(run()).isEqualTo(NOTHING);
    }

    @Test
    void aFileStillBeingWrittenWaitsAndItsPreviousVersionCounts() throws Exception {
        MutableClock clock = new MutableClock(Instant.now(), ZoneOffset.UTC);
        source = source(Duration.ofSeconds(30), clock);
        write("a.csv", HEADER + JANE);
        run();

        Path file = folder.resolve("a.csv");
        Files.writeString(file, HEADER + JANE + JOHN);
        Files.setLastModifiedTime(file, FileTime.from(clock.instant()));
        Files.writeString(folder.resolve("b.csv"), HEADER + ANN);
        Files.setLastModifiedTime(folder.resolve("b.csv"), FileTime.from(clock.instant()));
        FetchResult writing = run();
        clock.advance(Duration.ofSeconds(31));
        FetchResult settled = run();

        assertThat(writing.rows()).extracting(WorklistItem::patientId).containsExactly("SUB1");
        assertThat(settled.rows()).extracting(WorklistItem::patientId)
                .containsExactlyInAnyOrder("SUB1", "SUB2", "SUB3");
    }

    @Test
    void aFileThatBecomesUnreadableKeepsTheRowsItGaveUntilItIsReadableOrGone()
            throws Exception {
        write("a.csv", HEADER + JANE + JOHN);
        write("b.csv", HEADER + ANN);
        run();
        run();

        write("a.csv", "patient,when\nSUB1,tomorrow\n");
        FetchResult broken = run();

        assertThat(broken.skipReasons().values()).first().asString()
                .startsWith("a.csv:1: header row: no patient_id");
        assertThat(broken.skippedKeys()).hasSize(3).first().isEqualTo("a.csv");
        assertThat(broken.skipReasons().values()).filteredOn(
                "a.csv: unreadable; its row stays as last read"::equals).hasSize(2);
        assertThat(patientIds()).containsExactly("SUB1", "SUB2", "SUB3");

        Files.delete(folder.resolve("a.csv"));
        run();
        assertThat(patientIds()).containsExactly("SUB3");
    }

    @Test
    void aBadLineThatStandsIsCountedOnEveryRunNotOnlyTheOneThatReadIt() throws Exception {
        write("a.csv", HEADER + JANE + JOHN.replace("10:00", "24:00"));

        FetchResult first = run();
        run();
        FetchResult unchanged = run();

        assertThat(first.skipped()).isEqualTo(1);
        assertThat(unchanged.rows()).as("nothing delivered again").isEmpty();
        assertThat(unchanged.complete()).isFalse();
        assertThat(unchanged.skipReasons()).isEqualTo(first.skipReasons());
        assertThat(patientIds()).containsExactly("SUB1");
    }

    @Test
    void aFileKeptAfterItTurnedUnreadableCountsTheRowsItGaveNotItsSkippedLines()
            throws Exception {
        write("a.csv", "source_key," + HEADER + "k1," + JANE + "k2," + JOHN + "k3,"
                + ANN.replace("08:00", "24:00"));
        run();

        try (LogCapture log = new LogCapture()) {
            write("a.csv", "patient,when\nSUB1,tomorrow\n");
            run();

            assertThat(log.messages(Level.WARN)).filteredOn(m -> m.contains("stays as"))
                    .singleElement().asString().endsWith("a.csv stays as it was read before "
                            + "(2 row(s)) until it can be read");
        }
    }

    @Test
    void tooLargeAFileIsReportedAndKeepsNothingItNeverGave() throws Exception {
        write("big.csv", HEADER + JANE.repeat(100));

        FetchResult result = run();

        assertThat(result.skipReasons()).containsExactly(Map.entry("big.csv",
                "big.csv: " + Files.size(folder.resolve("big.csv"))
                        + " bytes, more than the 0 MiB a file may have"));
        assertThat(format.parsed).isEmpty();
    }

    @Test
    void theSameRowInTwoFilesIsGivenOnceAndTheSecondReported() throws Exception {
        write("a.csv", "source_key," + HEADER + "k1," + JANE);
        write("b.csv", "source_key," + HEADER + "k1," + ANN);

        FetchResult result = run();

        assertThat(result.rows()).extracting(WorklistItem::patientId).containsExactly("SUB1");
        assertThat(result.skipReasons()).containsExactly(Map.entry("b.csv:2",
                "b.csv:2: the same row as a.csv:2 (the same source_key, or the same patient, "
                        + "date and time); skipped"));
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    void otherFilesAndHiddenOnesAreNotRead() throws Exception {
        write("a.csv", HEADER + JANE);
        write(".~lock.a.csv#", "lock");
        write("notes.txt", "not a worklist");

        run();

        assertThat(format.parsed).containsExactly("a.csv");
    }

    @Test
    void patientDataStaysOutOfTheLinesAboveDebug() throws Exception {
        write("a.csv", HEADER + JANE + JOHN.replace("10:00", "24:00")
                + "SUB3,Roe^Ann,1990-01-01,noon,MR,MRI_3T,,\n");
        try (LogCapture log = new LogCapture()) {
            run();

            List<String> above = new ArrayList<>();
            for (Level level : List.of(Level.INFO, Level.WARN, Level.ERROR)) {
                above.addAll(log.messages(level));
            }
            assertThat(above).anySatisfy(line -> assertThat(line).contains("a.csv:3:4"));
            assertThat(String.join("\n", above)).doesNotContain("SUB1", "SUB2", "SUB3",
                    "Doe", "Roe", "Jane", "John", "1990");
        }
    }

    @Test
    void aMissingFolderFailsTheRunRetryably() throws Exception {
        Files.delete(folder);

        assertThatThrownBy(this::run).isInstanceOf(SourceException.class)
                .hasMessageContaining("does not exist")
                .satisfies(e -> assertThat(((SourceException) e).retryable()).isTrue());
    }

    @Test
    void badLinesAreCountedWithTheirReasonsAndKeepTheirRows() throws Exception {
        write("a.csv", HEADER + JANE + JOHN);
        run();

        write("a.csv", HEADER + JANE + JOHN.replace(",MR,", ",XX,")
                + "SUB9,Nobody^Here,2025-13-01,09:00,MR,MRI_3T,,\n");
        FetchResult result = run();
        SyncCounts counts = sink.apply("bookings", result.rows(), true,
                new HashSet<>(result.skippedKeys()));

        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.skipReasons().values()).containsExactly(
                "a.csv:3:5: modality: not a DICOM acquisition modality code; e.g. MR, EEG, CT,"
                        + " US (PS3.3 C.7.3.1.1.1)",
                "a.csv:4:3: scheduled_start_date: no such date");
        assertThat(counts.removed()).isZero();
        assertThat(patientIds()).containsExactly("SUB1", "SUB2");
    }
}
