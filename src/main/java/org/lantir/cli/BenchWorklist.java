package org.lantir.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.lantir.worklist.ProcedureStepStatus;
import org.lantir.worklist.WorklistItem;
import org.lantir.worklist.WorklistItem.CodedEntry;

/**
 * The worklist {@code lantir bench} queries: years of a research centre's REDCap-fed history
 * plus one busy day, today. All people are fictional; identifiers follow the Python tool's
 * conventions ({@code sub_<study>_ses_<session>_fam_<family>_site_<site>}) and the minted
 * forms Lantir gives rows a source leaves without them. The same seed gives the same rows.
 *
 * <p>Rows are handed out one at a time, so 100,000 of them are never held together; what the
 * queries need to know (which Patient IDs a console can see, how many matches today's query
 * has) is collected on the way.
 */
final class BenchWorklist {

    /** The data source every row comes from, as a REDCap sync would store it. */
    static final String SOURCE = "redcap";

    /** The station of the "today, MR, this station" query. */
    static final String BUSY_STATION = "MRI_3T_A";
    static final String BUSY_MODALITY = "MR";

    private static final Station[] STATIONS = {
        new Station("MRI_3T_A", "Research MRI 3T A", 30, 45, "MR"),
        new Station("MRI_3T_B", "Research MRI 3T B", 25, 45, "MR"),
        new Station("MRI_1T5", "MRI 1.5T", 15, 40, "MR"),
        new Station("PETCT_1", "PET/CT", 12, 60, "PT", "PT", "CT"),
        new Station("CT_1", "CT", 10, 20, "CT"),
        new Station("US_1", "Ultrasound", 8, 30, "US"),
    };
    private static final String[] PHYSICIANS = {"Okafor^Adaeze^^Dr", "Lindqvist^Per^^Dr",
        "Tanaka^Emi^^Dr", "Moreau^Lucie^^Dr", "Ramirez^Tomas^^Dr"};
    private static final int[] SITES = {792, 795, 798};
    private static final int FUTURE_DAYS = 56;

    private final int rows;
    private final int todayRows;
    private final int years;
    private final LocalDate today;
    private final Random random;
    private final List<LocalDate> historyDays;

    private final List<String> visiblePatientIds = new ArrayList<>();
    private final Map<String, Integer> visibleByPatientId = new HashMap<>();
    private int busyQueryMatches;
    private int record;
    private int sessionsLeft;
    private int sessionCount;
    private int family;
    private int site;
    private LocalDate birthDate;
    private String sex;

    /**
     * @param rows how many rows in all
     * @param todayRows how many of them are scheduled today (at most {@code rows})
     * @param years how many years of history before today (8 weeks ahead are added)
     */
    BenchWorklist(int rows, int todayRows, int years, LocalDate today, long seed) {
        this.rows = rows;
        this.todayRows = Math.min(todayRows, rows);
        this.years = years;
        this.today = today;
        this.random = new Random(seed);
        this.historyDays = weekdaysAround(today, years);
    }

    /** Hands every row, today's first, to {@code sink}. Call once. */
    void generate(Consumer<WorklistItem> sink) {
        generateToday(sink);
        for (int i = todayRows; i < rows; i++) {
            LocalDate day = historyDays.get(random.nextInt(historyDays.size()));
            Station station = pickStation();
            LocalTime time = LocalTime.of(7, 30).plusMinutes(15L * random.nextInt(48));
            sink.accept(row(station, day, time, historyStatus(day)));
        }
    }

    int rows() {
        return rows;
    }

    int todayRows() {
        return todayRows;
    }

    int years() {
        return years;
    }

    LocalDate today() {
        return today;
    }

    /** Patient IDs of rows a console sees without a status key (scheduled, in progress). */
    List<String> visiblePatientIds() {
        return visiblePatientIds;
    }

    /** How many visible rows carry {@code patientId}. */
    int visibleRowsOf(String patientId) {
        return visibleByPatientId.getOrDefault(patientId, 0);
    }

    /** How many matches "today, MR, {@link #BUSY_STATION}" has. */
    int busyQueryMatches() {
        return busyQueryMatches;
    }

    /**
     * A day's list per station: slots in a row from 07:30; the morning's steps are done, one
     * is under way, the rest wait.
     */
    private void generateToday(Consumer<WorklistItem> sink) {
        int[] perStation = new int[STATIONS.length];
        for (int i = 0; i < todayRows; i++) {
            perStation[indexOf(pickStation())]++;
        }
        for (int s = 0; s < STATIONS.length; s++) {
            Station station = STATIONS[s];
            int done = perStation[s] * 2 / 5;
            for (int k = 0; k < perStation[s]; k++) {
                LocalTime time = LocalTime.of(7, 30).plusMinutes((long) station.slotMinutes * k);
                ProcedureStepStatus status = k < done ? ProcedureStepStatus.COMPLETED
                        : k == done ? ProcedureStepStatus.IN_PROGRESS
                        : ProcedureStepStatus.SCHEDULED;
                sink.accept(row(station, today, time, status));
            }
        }
    }

    private ProcedureStepStatus historyStatus(LocalDate day) {
        if (day.isAfter(today)) {
            return ProcedureStepStatus.SCHEDULED;
        }
        int roll = random.nextInt(100);
        // Most past steps were performed; a few were stopped; a few no-shows stay scheduled.
        return roll < 90 ? ProcedureStepStatus.COMPLETED
                : roll < 96 ? ProcedureStepStatus.DISCONTINUED : ProcedureStepStatus.SCHEDULED;
    }

    private WorklistItem row(Station station, LocalDate day, LocalTime time,
            ProcedureStepStatus status) {
        nextSession();
        int session = sessionNumber();
        String patientId = String.format(Locale.ROOT, "sub_%d_ses_%d_fam_%d_site_%d",
                record, session, family, site);
        String modality = station.modalities[random.nextInt(station.modalities.length)];
        noteVisible(patientId, station, modality, day, status);
        return WorklistItem.builder()
                .patientName(String.format(Locale.ROOT, "cpip-id-%d^fa-%d", record, family))
                .patientId(patientId)
                .patientBirthDate(birthDate)
                .patientSex(sex)
                .patientWeightKg(BigDecimal.valueOf(180 + random.nextInt(700), 1))
                .patientSizeM(BigDecimal.valueOf(110 + random.nextInt(80), 2))
                .accessionNumber(minted("ACC"))
                .referringPhysicianName(PHYSICIANS[random.nextInt(PHYSICIANS.length)])
                .requestedProcedureId(minted("RP"))
                .requestedProcedureDescription(description(modality))
                .studyInstanceUid("2.25." + new BigInteger(120, random))
                .spsId(minted("SPS"))
                .modality(modality)
                .scheduledStationAeTitle(station.aeTitle)
                .scheduledStationName(station.name)
                .scheduledStartDate(day)
                .scheduledStartTime(time)
                .spsDescription(description(modality))
                .protocolCode(new CodedEntry("CPIP_" + modality, "99CPIP",
                        description(modality)))
                .status(status)
                .dataSource(SOURCE)
                .sourceKey(record + "-" + session)
                .build();
    }

    /** Participants come back for one to three sessions; siblings share a family. */
    private void nextSession() {
        if (sessionsLeft > 0) {
            sessionsLeft--;
            return;
        }
        record++;
        sessionsLeft = random.nextInt(3);
        family = random.nextInt(4) == 0 && family > 0 ? family : 500 + record;
        site = SITES[random.nextInt(SITES.length)];
        birthDate = LocalDate.of(2008 + random.nextInt(11), 1 + random.nextInt(12),
                1 + random.nextInt(28));
        sex = new String[] {"F", "M", "O"}[random.nextInt(3)];
        sessionCount = sessionsLeft + 1;
    }

    private int sessionNumber() {
        return sessionCount - sessionsLeft;
    }

    private void noteVisible(String patientId, Station station, String modality,
            LocalDate day, ProcedureStepStatus status) {
        if (status != ProcedureStepStatus.SCHEDULED && status != ProcedureStepStatus.IN_PROGRESS) {
            return;
        }
        if (visibleByPatientId.merge(patientId, 1, Integer::sum) == 1) {
            visiblePatientIds.add(patientId);
        }
        if (day.equals(today) && station.aeTitle.equals(BUSY_STATION)
                && modality.equals(BUSY_MODALITY)) {
            busyQueryMatches++;
        }
    }

    private String minted(String prefix) {
        String digits = Long.toString(random.nextLong() & ((1L << 60) - 1), 36)
                .toUpperCase(Locale.ROOT);
        return prefix + "0".repeat(12 - digits.length()) + digits;
    }

    private static String description(String modality) {
        switch (modality) {
            case "MR": return "CPIP research MRI, brain";
            case "PT": return "PET/CT FDG, whole body";
            case "CT": return "CT head without contrast";
            default: return "Ultrasound, abdomen";
        }
    }

    private Station pickStation() {
        int total = 0;
        for (Station s : STATIONS) {
            total += s.share;
        }
        int roll = random.nextInt(total);
        for (Station s : STATIONS) {
            roll -= s.share;
            if (roll < 0) {
                return s;
            }
        }
        return STATIONS[0];
    }

    private static int indexOf(Station station) {
        for (int i = 0; i < STATIONS.length; i++) {
            if (STATIONS[i] == station) {
                return i;
            }
        }
        throw new IllegalArgumentException(station.aeTitle);
    }

    /** Every weekday from {@code years} back to eight weeks ahead, today left out. */
    private static List<LocalDate> weekdaysAround(LocalDate today, int years) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today.minusYears(years); !d.isAfter(today.plusDays(FUTURE_DAYS));
                d = d.plusDays(1)) {
            DayOfWeek dow = d.getDayOfWeek();
            if (!d.equals(today) && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** A scanner: AE title, name, share of the rows, slot length and modalities it does. */
    private static final class Station {
        final String aeTitle;
        final String name;
        final int share;
        final int slotMinutes;
        final String[] modalities;

        Station(String aeTitle, String name, int share, int slotMinutes, String... modalities) {
            this.aeTitle = aeTitle;
            this.name = name;
            this.share = share;
            this.slotMinutes = slotMinutes;
            this.modalities = modalities;
        }
    }
}
