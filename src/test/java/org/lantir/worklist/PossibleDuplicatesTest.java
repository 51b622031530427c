package org.lantir.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lantir.testing.TestLantir;

/**
 * Two sources producing the same participant on the same date: both rows stay, and the pair
 * is flagged once in the event log, by row ids and source names only.
 */
class PossibleDuplicatesTest {

    private static final LocalDate DAY = LocalDate.of(2025, 2, 12);
    private final TestLantir lantir = new TestLantir();

    private static WorklistItem row(String key, String patientId, String name,
            LocalDate birthDate, LocalDate day) {
        return WorklistItem.builder().sourceKey(key).patientId(patientId).patientName(name)
                .patientBirthDate(birthDate).modality("MR").scheduledStationAeTitle("MRI_3T")
                .scheduledStartDate(day).scheduledStartTime(LocalTime.of(9, 0)).build();
    }

    @Test
    void theSamePatientIdOnTheSameDayIsFlaggedOnceAndBothRowsStay() {
        sync("main_redcap", row("1:1", "SUB2041", "Okafor^Maren", null, DAY));

        sync("calpendo_3t", row("48211", " sub2041 ", "Okafor^Maren", null, DAY));

        WorklistItem redcap = only("main_redcap");
        WorklistItem calpendo = only("calpendo_3t");
        List<EventRecord> flagged = flagged();
        assertThat(flagged).singleElement().satisfies(event -> {
            assertThat(event.source()).isEqualTo("calpendo_3t+main_redcap");
            assertThat(event.subject()).isEqualTo("rows " + redcap.id() + "+" + calpendo.id());
            assertThat(event.worklistItemId()).isEqualTo(calpendo.id());
            assertThat(event.message()).isEqualTo("Possible duplicate: row " + calpendo.id()
                    + " (source calpendo_3t) and row " + redcap.id() + " (source main_redcap) "
                    + "have the same Patient ID and the same scheduled date; both are kept");
            assertThat(event.message()).doesNotContainIgnoringCase("SUB2041")
                    .doesNotContain("Okafor").doesNotContain("2025");
        });

        // Later runs, unchanged or changed in other ways, flag nothing more.
        sync("main_redcap", row("1:1", "SUB2041", "Okafor^Maren", null, DAY));
        sync("calpendo_3t", row("48211", "SUB2041", "Okafor^Maren", null, DAY).toBuilder()
                .scheduledStartTime(LocalTime.of(10, 30)).build());
        sync("main_redcap", row("1:1", "SUB2041", "Okafor^Maren", LocalDate.of(2014, 1, 1),
                DAY));
        assertThat(flagged()).hasSize(1);
        assertThat(lantir.worklist.all()).hasSize(2);
    }

    @Test
    void theSameNameAndBirthDateAreTheSameParticipantTooButANameAloneIsNot() {
        LocalDate born = LocalDate.of(2013, 5, 4);
        sync("site_a", row("a1", "A-1", "Reyes^Tomas", born, DAY),
                row("a2", "A-2", "Fairweather^Iris", null, DAY));

        sync("site_b", row("b1", "B-7", "REYES ^ tomas^^", born, DAY),
                row("b2", "B-8", "Fairweather^Iris", null, DAY));

        assertThat(flagged()).singleElement().extracting(EventRecord::message).asString()
                .contains("have the same patient name and birth date");
    }

    @Test
    void anotherDayTheSameSourceOrARowMadeByHandIsNoDuplicate() {
        sync("site_a", row("a1", "P1", "Doe^Jo", null, DAY),
                row("a2", "P1", "Doe^Jo", null, DAY));
        lantir.service().add(row(null, "P1", "Doe^Jo", null, DAY));

        sync("site_b", row("b1", "P1", "Doe^Jo", null, DAY.plusDays(1)));

        assertThat(flagged()).isEmpty();
    }

    /**
     * 20,000 rows against another source's 20,000 on the same day: each row is looked up,
     * not compared with the whole day (which took minutes; the bound is generous for a
     * loaded machine and far below what comparing every pair needs).
     */
    @Test
    void aLargeSyncBesideAnotherLargeSourceOnTheSameDayIsCheckedByLookUpNotPairByPair() {
        int size = 20_000;
        List<WorklistItem> first = new ArrayList<>(size);
        List<WorklistItem> second = new ArrayList<>(size);
        LocalDate born = LocalDate.of(2012, 3, 4);
        for (int i = 0; i < size; i++) {
            first.add(row("a" + i, "A" + i, "Family" + i + "^Given", born, DAY));
            second.add(row("b" + i, "B" + i, "Other" + i + "^Given", born, DAY));
        }
        second.set(7, row("b7", "a123", "Someone^Else", null, DAY));
        second.set(8, row("b8", "B8", "FAMILY456 ^given", born, DAY));
        lantir.service().applySync("site_a", first, false);

        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> lantir.service().applySync("site_b", second, false));

        assertThat(flagged()).extracting(EventRecord::message).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("the same Patient ID"))
                .anySatisfy(m -> assertThat(m).contains("the same patient name and birth"));
    }

    @Test
    void aBookingMovedOntoTheDayOfTheOtherSourcesSessionIsFlaggedThen() {
        sync("site_a", row("a1", "P1", "Doe^Jo", null, DAY));
        sync("site_b", row("b1", "P1", "Doe^Jo", null, DAY.plusDays(3)));
        assertThat(flagged()).isEmpty();

        sync("site_b", row("b1", "P1", "Doe^Jo", null, DAY));

        assertThat(flagged()).hasSize(1);
    }

    @Test
    void namesAreComparedByFamilyAndGivenNameWithoutCaseOrSpaces() {
        assertThat(PossibleDuplicates.nameKey("Okafor^Maren")).isEqualTo("OKAFOR^MAREN")
                .isEqualTo(PossibleDuplicates.nameKey(" okafor  ^ MAREN ^^ "))
                .isEqualTo(PossibleDuplicates.nameKey(
                        "Okafor^Maren^^Dr.=オカフォー^マレン"));
        assertThat(PossibleDuplicates.nameKey("Okafor")).isEqualTo("OKAFOR^");
        assertThat(PossibleDuplicates.nameKey("^")).isNull();
        assertThat(PossibleDuplicates.nameKey(null)).isNull();
        assertThat(PossibleDuplicates.idKey("  ")).isNull();
    }

    private void sync(String source, WorklistItem... rows) {
        lantir.service().applySync(source, List.of(rows), false);
    }

    private WorklistItem only(String source) {
        return lantir.worklist.all().stream().filter(r -> source.equals(r.dataSource()))
                .reduce((a, b) -> {
                    throw new AssertionError("two rows of " + source);
                }).orElseThrow();
    }

    private List<EventRecord> flagged() {
        return lantir.eventLog.recent(100).stream()
                .filter(e -> PossibleDuplicates.KIND.equals(e.kind())).toList();
    }
}
