package org.lantir.ui.schedule;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.lantir.testing.InMemoryEventLog;
import org.lantir.testing.InMemoryMppsRepository;
import org.lantir.testing.InMemoryWorklistRepository;
import org.lantir.testing.WorklistRows;
import org.lantir.ui.DirectExecutorService;
import org.lantir.ui.UiThreads;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistRepository;
import org.lantir.worklist.WorklistService;
import org.lantir.worklist.WorklistSettings;

/**
 * A worklist service on in-memory stores for schedule view model tests; "now" is
 * 2025-02-12 08:30 UTC, the case log's day. All people are fictional.
 */
final class ScheduleFixture implements AutoCloseable {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-12T08:30:00Z"),
            ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2025, 2, 12);

    final InMemoryWorklistRepository store = new InMemoryWorklistRepository();
    final InMemoryMppsRepository mpps = new InMemoryMppsRepository(store);
    final EventFeed feed = new EventFeed();
    /** While set, every read of the worklist fails as a broken database would. */
    final AtomicBoolean readsFail = new AtomicBoolean();
    final WorklistService service = new WorklistService(failingWhenAsked(store), mpps,
            new InMemoryEventLog(), feed, WorklistSettings.defaults(), CLOCK);

    /**
     * A model on these executors, made once the feed has delivered what the set-up published,
     * so that no late event of the set-up reaches a model a test subscribes.
     */
    ScheduleViewModel model(ExecutorService fx, ExecutorService background) {
        awaitFeed();
        return new ScheduleViewModel(service, feed, new UiThreads(fx, background), CLOCK);
    }

    /**
     * A model showing today whose work all runs at once on the test's thread. It does not
     * follow the feed (whose thread would change it under the test): tests hand it events
     * through {@code onEvent}.
     */
    ScheduleViewModel directModel() {
        ScheduleViewModel model = model(new DirectExecutorService(), new DirectExecutorService());
        model.refresh();
        return model;
    }

    /** Waits until the feed has delivered every event published so far (it keeps order). */
    void awaitFeed() {
        CountDownLatch delivered = new CountDownLatch(1);
        LantirEvent marker = new LantirEvent.ServerState(Instant.EPOCH, false, "", 0, "");
        try (AutoCloseable subscription = feed.subscribe(e -> {
            if (e == marker) {
                delivered.countDown();
            }
        })) {
            feed.publish(marker);
            if (!delivered.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the event feed delivered nothing for 5 s");
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A row made by hand, as the console's editor adds it. */
    WorklistItem manual(String name, String patientId, String date, String time) {
        return service.add(WorklistRows.row(name, patientId, "MR", "MRI_3T", date, time)
                .toBuilder().requestedProcedureId(null).spsId(null).accessionNumber(null)
                .studyInstanceUid(null).build());
    }

    /** A row a data source delivered. */
    WorklistItem synced(String name, String patientId, String date, String time) {
        return store.insert(WorklistRows.row(name, patientId, "MR", "MRI_3T", date, time)
                .toBuilder().dataSource("main_redcap").sourceKey(patientId + ":1").build());
    }

    WorklistItem withStatus(WorklistItem row, ProcedureStepStatus status) {
        store.setStatus(row.id(), status);
        return store.findById(row.id()).orElseThrow();
    }

    private WorklistRepository failingWhenAsked(WorklistRepository real) {
        return (WorklistRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorklistRepository.class}, (proxy, method, args) -> {
                    if (readsFail.get() && method.getName().equals("find")) {
                        throw new IllegalStateException("database is locked");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void close() {
        feed.close();
    }
}
