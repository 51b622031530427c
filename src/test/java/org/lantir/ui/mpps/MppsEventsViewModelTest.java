package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.dicom.data.Tag;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.lantir.events.LantirEvent.MppsChanged;
import org.lantir.store.Database;
import org.lantir.store.SqliteEventLog;
import org.lantir.testing.MppsMessages;
import org.lantir.testing.ScpHarness;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.EventLog;
import org.lantir.worklist.EventRecord;
import org.lantir.worklist.WorklistItem;

/**
 * The MPPS events list: read from the event log at open (so it survives a restart), steps
 * told by the feed added on top, a step told while the log is read shown once, unmatched
 * steps said so, and a burst of a thousand steps handed to the FX thread in one batch.
 */
@Timeout(30)
class MppsEventsViewModelTest {

    private static final String UID_A = "2.25.900000000000000000041";
    private static final String UID_B = "2.25.900000000000000000042";
    /** The harness's clock: every step it stores is stamped with this time. */
    private static final Instant NOW = ScpHarness.CLOCK.instant();

    @TempDir
    Path dir;
    private Database db;
    private ScpHarness scp;
    private final EventFeed feed = new EventFeed();
    private final List<MppsEventsViewModel> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("w.db"));
        scp = ScpHarness.onSqlite(db);
    }

    @AfterEach
    void close() {
        opened.forEach(MppsEventsViewModel::close);
        feed.close();
        db.close();
    }

    private MppsEventsViewModel model(QueuedExecutor fx, QueuedExecutor background) {
        return model(new SqliteEventLog(db), fx, background);
    }

    private MppsEventsViewModel model(EventLog log, QueuedExecutor fx,
            QueuedExecutor background) {
        MppsEventsViewModel model = new MppsEventsViewModel(log, scp.service(), feed,
                new UiThreads(fx, background), ScpHarness.CLOCK);
        opened.add(model);
        return model;
    }

    /** Runs both executors until neither has anything left. */
    private static void settle(QueuedExecutor fx, QueuedExecutor background) {
        while (fx.pending() + background.pending() > 0) {
            background.runAll();
            fx.runAll();
        }
    }

    /** Publishes on the feed and waits until every subscriber has had them. */
    private void publish(List<MppsChanged> events) throws InterruptedException {
        CountDownLatch delivered = new CountDownLatch(events.size());
        try (AutoCloseable counter = feed.subscribe(e -> {
            if (e instanceof MppsChanged) {
                delivered.countDown();
            }
        })) {
            events.forEach(feed::publish);
            assertThat(delivered.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private WorklistItem sub001WithTwoSteps() {
        WorklistItem row = scp.store(MppsMessages.sub001()).get(0);
        scp.nCreate(UID_A, MppsMessages.nCreate());
        scp.nSet(UID_A, MppsMessages.nSetCompleted());
        scp.nCreate(UID_B, MppsMessages.nCreate().setString(Tag.PatientID, "NOBODY"));
        return row;
    }

    @Test
    void theLogIsReadAtOpenNewestFirstWithRowPatientOrUnmatched() {
        WorklistItem row = sub001WithTwoSteps();
        MppsEventsViewModel model = model(QueuedExecutor.direct(), QueuedExecutor.direct());

        model.open();

        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.events()).extracting(MppsEventRow::sopInstanceUid,
                MppsEventRow::callingAeTitle, MppsEventRow::change, MppsEventRow::rowText,
                MppsEventRow::patient).containsExactly(
                        tuple(UID_B, "MRI_3T", "created IN PROGRESS", "unmatched", ""),
                        tuple(UID_A, "MRI_3T", "IN PROGRESS \u2192 COMPLETED",
                                "Row " + row.id(), "DOE, JANE (SUB001)"),
                        tuple(UID_A, "MRI_3T", "created IN PROGRESS", "Row " + row.id(),
                                "DOE, JANE (SUB001)"));
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void theLogIsReadOnTheBackgroundThreads() {
        sub001WithTwoSteps();
        QueuedExecutor fx = QueuedExecutor.queued();
        QueuedExecutor background = QueuedExecutor.queued();
        MppsEventsViewModel model = model(fx, background);

        model.open();

        assertThat(model.loadingProperty().get()).isTrue();
        assertThat(model.events()).isEmpty();
        assertThat(background.pending()).isEqualTo(1);
        settle(fx, background);
        assertThat(model.events()).hasSize(3);
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void stepsToldWhileTheLogIsReadAreMergedWithItOnce() throws Exception {
        WorklistItem row = scp.store(MppsMessages.sub001()).get(0);
        scp.nCreate(UID_A, MppsMessages.nCreate());
        QueuedExecutor fx = QueuedExecutor.queued();
        QueuedExecutor background = QueuedExecutor.queued();
        MppsEventsViewModel model = model(fx, background);
        model.open();

        // The create is in the log already and told again; the N-SET is new.
        publish(List.of(
                new MppsChanged(NOW, UID_A, "MRI_3T", "IN PROGRESS", row.id(), null),
                new MppsChanged(NOW.plusSeconds(60), UID_A, "MRI_3T", "COMPLETED", row.id(),
                        "IN PROGRESS")));
        fx.runAll();
        assertThat(model.events()).as("held until the log is read").isEmpty();
        settle(fx, background);

        assertThat(model.events()).extracting(MppsEventRow::change, MppsEventRow::patient)
                .containsExactly(tuple("IN PROGRESS \u2192 COMPLETED", "DOE, JANE (SUB001)"),
                        tuple("created IN PROGRESS", "DOE, JANE (SUB001)"));
    }

    @Test
    void liveStepsGoOnTopAndTheirRowsPatientIsLookedUpInTheBackground() throws Exception {
        WorklistItem row = scp.store(MppsMessages.sub001()).get(0);
        QueuedExecutor fx = QueuedExecutor.queued();
        QueuedExecutor background = QueuedExecutor.queued();
        MppsEventsViewModel model = model(fx, background);
        model.open();
        settle(fx, background);

        publish(List.of(new MppsChanged(NOW, UID_A, "MR_2", "IN PROGRESS", row.id(), null),
                new MppsChanged(NOW.plusSeconds(1), UID_B, "MR_2", "IN PROGRESS", null, null)));
        fx.runAll();

        assertThat(model.events()).extracting(MppsEventRow::sopInstanceUid,
                MppsEventRow::rowText, MppsEventRow::patient).containsExactly(
                        tuple(UID_B, "unmatched", ""),
                        tuple(UID_A, "Row " + row.id(), ""));
        assertThat(background.pending()).as("the row is read off the FX thread").isOne();
        settle(fx, background);
        assertThat(model.events().get(1).patient()).isEqualTo("DOE, JANE (SUB001)");
    }

    @Test
    void aBurstOfAThousandStepsArrivesAsOneBatchWithEveryStep() throws Exception {
        WorklistItem row = scp.store(MppsMessages.sub001()).get(0);
        QueuedExecutor fx = QueuedExecutor.queued();
        QueuedExecutor background = QueuedExecutor.direct();
        MppsEventsViewModel model = model(fx, background);
        model.open();
        fx.runAll();
        AtomicInteger listChanges = new AtomicInteger();
        model.events().addListener((ListChangeListener<MppsEventRow>) c -> listChanges
                .incrementAndGet());

        List<MppsChanged> burst = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            burst.add(new MppsChanged(NOW.plusMillis(i), "2.25." + (1000 + i), "MRI_3T",
                    "IN PROGRESS", i % 2 == 0 ? row.id() : null, null));
        }
        publish(burst);

        assertThat(fx.pending()).as("one hand-over for the whole burst").isOne();
        int handOvers = fx.runAll();
        assertThat(handOvers).as("the batch, then the patient lookup").isLessThanOrEqualTo(2);
        assertThat(listChanges.get()).isLessThanOrEqualTo(2);
        assertThat(model.events()).hasSize(1000);
        List<String> newestFirst = new ArrayList<>();
        burst.forEach(e -> newestFirst.add(0, e.sopInstanceUid()));
        assertThat(model.events()).extracting(MppsEventRow::sopInstanceUid)
                .containsExactlyElementsOf(newestFirst);
        assertThat(model.events().get(0).rowText()).as("step 999").isEqualTo("unmatched");
        assertThat(model.events().get(1).patient()).as("step 998")
                .isEqualTo("DOE, JANE (SUB001)");
    }

    @Test
    void aLogThatCannotBeReadIsSaidAndLiveStepsStillShow() throws Exception {
        EventLog broken = new EventLog() {
            @Override
            public EventRecord append(EventRecord event) {
                throw new IllegalStateException("read-only");
            }

            @Override
            public List<EventRecord> recent(int limit) {
                throw new IllegalStateException("database is locked");
            }
        };
        MppsEventsViewModel model = model(broken, QueuedExecutor.direct(),
                QueuedExecutor.direct());

        model.open();
        publish(List.of(new MppsChanged(NOW, UID_A, "MRI_3T", "IN PROGRESS", null, null)));

        assertThat(model.problemProperty().get()).isEqualTo(
                "The event log could not be read: database is locked");
        assertThat(model.events()).extracting(MppsEventRow::sopInstanceUid)
                .containsExactly(UID_A);
    }

    @Test
    void todaysRowsAreReadForTheChooser() {
        scp.store(MppsMessages.sub001(), MppsMessages.sub001().toBuilder().patientId("SUB002")
                .spsId("SPS-SUB002-1").studyInstanceUid("2.25.2")
                .scheduledStartDate(LocalDate.of(2025, 2, 13)).build());
        MppsEventsViewModel model = model(QueuedExecutor.direct(), QueuedExecutor.direct());
        AtomicReference<List<WorklistItem>> rows = new AtomicReference<>();

        model.todaysRows(rows::set);

        assertThat(rows.get()).extracting(WorklistItem::patientId).containsExactly("SUB001");
    }

    @Test
    void otherEventsAreIgnored() throws Exception {
        MppsEventsViewModel model = model(QueuedExecutor.direct(), QueuedExecutor.direct());
        model.open();

        feed.publish(new LantirEvent.WorklistChanged(NOW, "manual", 1, 0, 0));
        publish(List.of(new MppsChanged(NOW, UID_A, "MRI_3T", "IN PROGRESS", null, null)));

        assertThat(model.events()).hasSize(1);
    }
}
