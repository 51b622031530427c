package org.lantir.sync.calpendo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.sync.FetchResult;
import org.lantir.sync.LogCapture;
import org.lantir.sync.SyncWindow;
import org.lantir.sync.calpendo.CalpendoEmulator.Fault;
import org.lantir.sync.calpendo.CalpendoEmulator.Target;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;

/**
 * The fixture's expected rows ({@code fixtures/calpendo/README.md}, "Recommended behaviour
 * for the Java client"), and how the source reads times, statuses, names and mappings.
 */
@Timeout(60)
class CalpendoSourceTest {

    private static final Instant NOW = CalpendoSync.NOW.atZone(CalpendoEmulator.ZONE)
            .toInstant();

    private CalpendoEmulator calpendo;
    private CalpendoSource source;

    @BeforeEach
    void start() throws Exception {
        calpendo = CalpendoEmulator.start();
        source = CalpendoSync.source(calpendo, "", "");
    }

    @AfterEach
    void stop() {
        source.close();
        calpendo.close();
    }

    @Test
    void theFixtureYieldsTheFourRecommendedRows() throws Exception {
        FetchResult result = fetch();

        assertThat(result.complete()).isTrue();
        assertThat(result.rows()).extracting(WorklistItem::sourceKey, WorklistItem::patientId,
                WorklistItem::patientName, WorklistItem::requestedProcedureDescription,
                WorklistItem::scheduledStartDate, WorklistItem::scheduledStartTime,
                WorklistItem::modality, WorklistItem::accessionNumber)
                .containsExactly(
                        tuple("48211", "SUB2041", "Okafor^Maren", "BRISK",
                                LocalDate.of(2026, 3, 6), LocalTime.of(9, 0), "MR", "48211"),
                        tuple("48212", "SUB2042", "Reyes^Tomas", "NEURODEV",
                                LocalDate.of(2026, 3, 6), LocalTime.of(17, 0), "EEG", "48212"),
                        tuple("48215", "SUB2045", "Tremblay^Élodie", "BRISK",
                                LocalDate.of(2026, 3, 6), LocalTime.of(23, 30), "MR", "48215"),
                        tuple("48216", "SUB2046", "Fairweather^Noah", "BRISK",
                                LocalDate.of(2026, 3, 8), LocalTime.of(1, 30), "MR", "48216"));
        assertThat(result.skippedKeys()).containsExactly("48214");
        assertThat(result.rows()).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo(ProcedureStepStatus.SCHEDULED);
            assertThat(row.dataSource()).isEqualTo(CalpendoSync.SOURCE);
            assertThat(row.studyInstanceUid()).isNull();
            assertThat(row.spsId()).isNull();
            assertThat(row.patientName()).doesNotStartWith("^");
        });
    }

    /**
     * The status condition stands inside the AND: the cancelled 48213 and the tentative 48217
     * are never listed, so their details are never asked for. (130 days before 08:00 MST is
     * 09:00 MDT on the wall clock.)
     */
    @Test
    void theStatusFilterReallyFilters() throws Exception {
        fetch();

        List<String> paths = calpendo.paths();
        assertThat(paths.get(0)).isEqualTo("/webdav/q/Calpendo.Booking/AND"
                + "/dateRange.start/GE/20251027-0900/dateRange.start/LT/20260310-0000"
                + "/status/EQ/Approved"
                + "/OR/resource.name/EQ/3T%20Diagnostic/resource.name/EQ/EEG%20Lab");
        assertThat(paths).filteredOn(p -> p.startsWith("/webdav/b/")).extracting(
                p -> p.substring(p.lastIndexOf('/') + 1)).containsExactlyInAnyOrder("48211",
                "48212", "48214", "48215", "48216", "48218");
    }

    /** A booking cancelled between the list and its details is not a row either. */
    @Test
    void theDetailsStatusDecides() throws Exception {
        calpendo.bookings().setStatus(48211, "Cancelled");
        calpendo.bookings().setStatus(48212, "Denied");

        Map<String, WorklistItem> rows = byKey(fetch());

        assertThat(rows).doesNotContainKeys("48211", "48212");
    }

    @Test
    void aListOfStatusesIsAnOrGroupClosedBeforeTheResources() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo,
                ", \"status_filter\": [\"Approved\", \"Tentative\"]", "");

        FetchResult result = fetch();

        assertThat(calpendo.paths().get(0)).contains("/OR/status/EQ/Approved/status/EQ/"
                + "Tentative/CLOSE/OR/resource.name/EQ/3T%20Diagnostic");
        assertThat(byKey(result)).containsKeys("48211", "48217").doesNotContainKey("48213");
    }

    /**
     * Fall-back DST: 00:30 MDT to 03:00 MST is 210 minutes, 150 on the wall clock; the step
     * ends at 03:00 as the site's clocks show it (SPS End Date and Time, 0040,0004/0005).
     */
    @Test
    void aBookingAcrossTheFallBackChangeKeepsItsWallClockStart() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo,
                ", \"status_filter\": [\"Approved\", \"Tentative\"]", "");

        WorklistItem row = byKey(fetch()).get("48217");

        assertThat(row.scheduledStartDate()).isEqualTo(LocalDate.of(2025, 11, 2));
        assertThat(row.scheduledStartTime()).isEqualTo(LocalTime.of(0, 30));
        assertThat(booking(48217).durationMinutes()).isEqualTo(210);
        assertThat(row.scheduledEndDate()).isEqualTo(LocalDate.of(2025, 11, 2));
        assertThat(row.scheduledEndTime()).isEqualTo(LocalTime.of(3, 0));
    }

    /**
     * Spring-forward DST: 01:30 MST to 03:30 MDT is 60 minutes, 120 on the wall clock; the
     * step ends at 03:30, not at 02:30, a time the site's clocks never showed.
     */
    @Test
    void aBookingAcrossTheSpringForwardChangeLastsItsRealMinutes() throws Exception {
        WorklistItem row = byKey(fetch()).get("48216");

        assertThat(row.scheduledStartDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(row.scheduledStartTime()).isEqualTo(LocalTime.of(1, 30));
        assertThat(booking(48216).durationMinutes()).isEqualTo(60);
        assertThat(booking(48216).finish().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(row.scheduledEndDate()).isEqualTo(LocalDate.of(2026, 3, 8));
        assertThat(row.scheduledEndTime()).isEqualTo(LocalTime.of(3, 30));
    }

    /**
     * 48212 starts at 00:00 UTC of 03-07 and 48215 runs past local midnight: both are
     * 03-06 on the site's clock. 48215 ends the next day, at 00:30.
     */
    @Test
    void datesAreTheSitesNeverUtcs() throws Exception {
        Map<String, WorklistItem> rows = byKey(fetch());

        assertThat(rows.get("48212").scheduledStartDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(rows.get("48212").scheduledStartTime()).isEqualTo(LocalTime.of(17, 0));
        assertThat(rows.get("48215").scheduledStartDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(booking(48215).durationMinutes()).isEqualTo(60);
        assertThat(booking(48215).finish().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(rows.get("48215").scheduledEndDate()).isEqualTo(LocalDate.of(2026, 3, 7));
        assertThat(rows.get("48215").scheduledEndTime()).isEqualTo(LocalTime.of(0, 30));
        assertThat(rows.get("48212").scheduledEndDate()).isEqualTo(LocalDate.of(2026, 3, 6));
        assertThat(rows.get("48212").scheduledEndTime()).isEqualTo(LocalTime.of(18, 30));
    }

    /** 48216 has title, status and dates under properties only. */
    @Test
    void thePropertiesOnlyLayoutIsReadAsTheOther() throws Exception {
        WorklistItem row = byKey(fetch()).get("48216");

        assertThat(row.patientId()).isEqualTo("SUB2046");
        assertThat(row.patientName()).isEqualTo("Fairweather^Noah");
    }

    /**
     * Without {@code properties.dateRange} the wall clock is read: a time the clocks repeat
     * starts at its first pass and finishes at its second; a skipped time moves on by the
     * gap.
     */
    @Test
    void wallClockTimesAcrossTheChangesAreReadWithoutGuessingWrong() throws Exception {
        var fallBack = (com.fasterxml.jackson.databind.node.ObjectNode) CalpendoBookings
                .JSON.readTree("{\"id\": 1, \"formattedName\": \"[2025-11-02 01:30:00.0, "
                        + "2025-11-02 01:45:00.0]\"}");
        var springForward = (com.fasterxml.jackson.databind.node.ObjectNode) CalpendoBookings
                .JSON.readTree("{\"id\": 2, \"formattedName\": \"[2026-03-08 02:30:00.0, "
                        + "2026-03-08 04:00:00.0]\"}");

        Booking repeated = Booking.of(1, fallBack, CalpendoEmulator.ZONE);
        Booking skipped = Booking.of(2, springForward, CalpendoEmulator.ZONE);

        assertThat(repeated.start().getOffset().getTotalSeconds()).isEqualTo(-6 * 3600);
        assertThat(repeated.finish().getOffset().getTotalSeconds()).isEqualTo(-7 * 3600);
        assertThat(repeated.durationMinutes()).isEqualTo(75);
        assertThat(skipped.start().toLocalTime()).isEqualTo(LocalTime.of(3, 30));
        assertThat(skipped.durationMinutes()).isEqualTo(30);
    }

    @Test
    void aTitleThePatternDoesNotMatchIsSkippedWithAWarningNamingBookingAndFieldOnly()
            throws Exception {
        FetchResult result;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            result = fetch();
            warnings = log.messages(Level.WARN);
        }

        assertThat(result.skippedKeys()).containsExactly("48214");
        assertThat(warnings).singleElement().asString()
                .contains("calpendo_3t", "booking 48214 skipped",
                        "field_mapping.patient_id: the pattern does not match its title")
                .doesNotContain("Phantom", "weekly", "QA");
    }

    @Test
    void theRawValueIsUsedOnlyWhenTheSourceAsksForIt() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, ", \"on_pattern_mismatch\": \"use_raw_value\"",
                "");

        FetchResult result = fetch();

        assertThat(result.skippedKeys()).isEmpty();
        assertThat(byKey(result).get("48214").patientId()).isEqualTo("Phantom QA (weekly)");
        assertThat(byKey(result).get("48214").requestedProcedureDescription()).isEqualTo("QA");
    }

    @Test
    void withoutAnyFieldMappingThePythonToolsExampleMappingApplies() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, "", "", json -> json.substring(0,
                json.indexOf(",\n    \"field_mapping\"")) + "\n}]}");

        FetchResult withEmpty = fetch();

        assertThat(byKey(withEmpty).get("48211").patientId()).isEqualTo("SUB2041");
    }

    @Test
    void allowedStudiesKeepOnlyThoseStudiesBookings() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, ", \"allowed_studies\": [\"neurodev\"]", "");

        FetchResult result = fetch();

        assertThat(result.rows()).extracting(WorklistItem::sourceKey).containsExactly("48212");
        assertThat(result.skippedKeys()).isEmpty();
    }

    @Test
    void anExactResourceNameWinsOverAPrefixAndAnUnmappedResourceIsOther() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, "", "", json -> json.replace(
                "{\"3T\": \"MR\", \"EEG\": \"EEG\", \"Mock\": \"OT\"}",
                "{\"3\": \"OT\", \"3T Diagnostic\": \"MR\"}"));

        FetchResult result;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            result = fetch();
            fetch();
            warnings = log.messages(Level.WARN);
        }

        assertThat(byKey(result).get("48211").modality()).isEqualTo("MR");
        assertThat(byKey(result).get("48212").modality()).isEqualTo("OT");
        assertThat(byKey(result).get("48215").modality()).isEqualTo("MR");
        assertThat(warnings).filteredOn(w -> w.contains("EEG Lab")).singleElement()
                .asString().contains("matches no entry of resource_modality_mapping");
    }

    @Test
    void namesMayBeWrittenFamilyFirst() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, ", \"patient_name_order\": \"family_given\"",
                "");

        assertThat(byKey(fetch()).get("48211").patientName()).isEqualTo("Maren^Okafor");
    }

    @Test
    void theOperatorIsTheScheduledPerformerAndOnlyAskedForOfMriScans() throws Exception {
        Map<String, WorklistItem> rows = byKey(fetch());

        assertThat(rows.get("48211").performingPhysicianName()).isEqualTo("Achebe^Rowan");
        assertThat(rows.get("48215").performingPhysicianName()).isEqualTo("Vasquez^Imogen");
        assertThat(rows.get("48212").performingPhysicianName()).isNull();
        assertThat(calpendo.paths()).filteredOn(p -> p.startsWith("/webdav/q/MRIScan"))
                .extracting(p -> p.replaceAll("\\D*(\\d+)\\D*", "$1"))
                .containsExactlyInAnyOrder("48211", "48214", "48215", "48216");
    }

    /** An operator that cannot be read never costs the booking its row. */
    @Test
    void aFailingOperatorQueryKeepsTheRows() throws Exception {
        calpendo.fault(Target.OPERATOR, Fault.status(500));

        FetchResult result;
        List<String> warnings;
        try (LogCapture log = new LogCapture()) {
            result = fetch();
            warnings = log.messages(Level.WARN);
        }

        assertThat(result.rows()).hasSize(4).allSatisfy(row ->
                assertThat(row.performingPhysicianName()).isNull());
        assertThat(warnings).filteredOn(w -> w.contains("operator not read")).hasSize(4);
    }

    /** The station is the resource when an SH holds its name; the step's description too. */
    @Test
    void stationNameAndDescriptionsComeFromTheBooking() throws Exception {
        WorklistItem row = byKey(fetch()).get("48211");

        assertThat(row.scheduledStationName()).isEqualTo("3T Diagnostic");
        assertThat(row.spsDescription()).isEqualTo("BRISK");
        assertThat(row.scheduledStationAeTitle()).isNull();
    }

    @Test
    void detailsAreFetchedSeveralAtOnceButNoMoreThanTheBound() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, ", \"max_parallel_requests\": 2", "");
        for (long id = 48300; id < 48320; id++) {
            calpendo.bookings().copy(48211, id);
        }
        calpendo.detailDelay(Duration.ofMillis(100));

        FetchResult result = fetch();

        assertThat(result.rows()).hasSize(24);
        assertThat(calpendo.maxDetailsInFlight()).isEqualTo(2);
    }

    @Test
    void theTodayWindowReadsOneLocalDay() throws Exception {
        source.close();
        source = CalpendoSync.source(calpendo, ", \"window_mode\": \"today\"", "");

        FetchResult result = fetch();

        assertThat(calpendo.paths().get(0)).contains("/dateRange.start/GE/20260306-0000"
                + "/dateRange.start/LT/20260307-0000/");
        assertThat(result.rows()).extracting(WorklistItem::sourceKey)
                .containsExactly("48211", "48212", "48215");
    }

    @Test
    void theCredentialsComeFromTheConfigWhenItHasThem() throws Exception {
        var config = org.lantir.config.ConfigLoader.parse(CalpendoSync.SOURCE_JSON.formatted(
                calpendo.baseUrl(), ", \"username\": \"emulator\", \"password\": "
                        + "\"emulator-pass\"", ""), null, java.nio.file.Path.of("."));

        try (CalpendoSource own = CalpendoSource.create(config, config.dataSources().get(0),
                Map.of())) {
            assertThat(own.fetch(SyncWindow.full(NOW)).rows()).hasSize(4);
        }
    }

    private FetchResult fetch() throws Exception {
        return source.fetch(SyncWindow.incremental(NOW.minus(Duration.ofMinutes(5)), NOW));
    }

    private static Map<String, WorklistItem> byKey(FetchResult result) {
        return result.rows().stream().collect(Collectors.toMap(WorklistItem::sourceKey,
                Function.identity()));
    }

    private Booking booking(long id) throws Exception {
        return Booking.of(id, calpendo.bookings().detail(id), CalpendoEmulator.ZONE);
    }

    static LocalDateTime local(int month, int day, int hour, int minute) {
        return LocalDateTime.of(2026, month, day, hour, minute);
    }
}
