package org.lantir.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.lantir.app.FirstStart;
import org.lantir.app.Lantir;
import org.lantir.config.ConfigLoader;
import org.lantir.config.LantirConfig;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.MppsStep;
import org.lantir.scu.ScuTarget;
import org.lantir.sync.redcap.RedcapEmulator;
import org.lantir.sync.redcap.RedcapSource;
import org.lantir.worklist.WorklistItem;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Takes the README's screenshots: the real window, on a real display (Xvfb, see
 * {@code docs/screenshots/take.sh}), over a day of fictional participants, a REDCap source on
 * the loopback emulator and MPPS steps sent over DICOM as a scanner would.
 */
public final class ScreenshotTour {

    private static final String SOURCE = "cpip_redcap";
    /** The rows of the day come from a second study's bookings, synced before the tour. */
    private static final String BOOKINGS = "brisk_calpendo";
    private static final String[] FILE_NAMES = {"schedule", "server", "sync", "mpps-events",
        "configuration", "log"};

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("lantir-tour");
        try (RedcapEmulator redcap = RedcapEmulator.start();
                ConsoleHarness console = ConsoleHarness.start(dir, configJson(dir, redcap),
                        Map.of(RedcapSource.ENV_TOKEN, RedcapEmulator.TOKEN))) {
            List<WorklistItem> rows = seedToday(console.lantir());
            runScannerDay(console.port(), rows);
            awaitSyncRun(console.lantir());
            for (int i = 0; i < FILE_NAMES.length; i++) {
                int index = i;
                FxToolkit.setupFixture(() -> console.console().show(index));
                pause(1500);
                write(console.stage().getScene(), out.resolve(
                        String.format("%d-%s.png", i + 1, FILE_NAMES[i])));
            }
        }
        firstStart(out.resolve(String.format("%d-getting-started.png", FILE_NAMES.length + 1)));
        System.exit(0);
    }

    /**
     * The welcome panel of a first start: a fresh data folder, the default configuration
     * written there, the server on 127.0.0.1 (so the panel says scanners cannot reach it yet).
     */
    private static void firstStart(Path file) throws Exception {
        Path data = Files.createTempDirectory("tour").resolve(".local/share/lantir");
        FirstStart.Report report = FirstStart.create(data, null, "127.0.0.1", null);
        LantirConfig config = ConfigLoader.load(report.configFile());
        try (ConsoleHarness console = ConsoleHarness.start(new DesktopStartup(config,
                report.configFile(), report.databaseFile(), Map.of(), data, report))) {
            pause(2000);
            write(console.stage().getScene(), file);
        }
    }

    private static String configJson(Path dir, RedcapEmulator redcap) throws IOException {
        return """
                {
                    "db_path": "%s",
                    "allowed_aet": [],
                    "data_sources": [
                        {"name": "%s", "type": "redcap", "sync_interval": 300,
                         "config": {"api_url": "%s", "site_id": "792",
                                    "protocol": {"792": "BRAIN_MRI_3T"},
                                    "station_ae_title": "MRI_3T"}}
                    ],
                    "lantir": {
                        "server": {"ae_title": "MWL_SERVER", "bind_address": "127.0.0.1",
                                   "port": %d}
                    }
                }
                """.formatted(dir.resolve("worklist.db"), SOURCE, redcap.apiUrl(), freePort());
    }

    /** A real port for the configuration screen to show (port 0 is refused by the form). */
    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    /** A scanner day: synced sessions, a walk-in typed by hand and a phantom QA run. */
    private static List<WorklistItem> seedToday(Lantir lantir) {
        LocalDate today = LocalDate.now();
        List<WorklistItem> synced = new ArrayList<>();
        String[][] people = {
            {"08:00", "OKAFOR^MAREN", "CPIP-1001", "F", "BRAIN_MRI_3T"},
            {"09:15", "REYES^TOMAS", "CPIP-1002", "M", "BRAIN_MRI_3T"},
            {"10:30", "HALVORSEN^PRIYA", "CPIP-1003", "F", "BRAIN_MRI_3T"},
            {"12:45", "TREMBLAY^ELODIE", "CPIP-1004", "F", "BRAIN_MRI_3T"},
            {"14:00", "FAIRWEATHER^NOAH", "CPIP-1005", "M", "BRAIN_MRI_3T"},
            {"15:30", "CASTELLANOS^WREN", "CPIP-1006", "O", "BRAIN_MRI_3T"},
        };
        for (String[] p : people) {
            synced.add(WorklistItem.builder().scheduledStartDate(today)
                    .scheduledStartTime(LocalTime.parse(p[0])).patientName(p[1])
                    .patientId(p[2]).patientSex(p[3]).modality("MR")
                    .scheduledStationAeTitle("MRI_3T").scheduledStationName("PRISMA")
                    .requestedProcedureDescription(p[4]).spsDescription(p[4])
                    .sourceKey(p[2] + ":1").build());
        }
        lantir.worklist().applySync(BOOKINGS, synced, false);
        lantir.worklist().add(WorklistItem.builder().scheduledStartDate(today)
                .scheduledStartTime(LocalTime.of(11, 40)).patientName("SANTANGELO^IVO")
                .patientId("WALKIN-0412").modality("MR").scheduledStationAeTitle("MRI_3T")
                .requestedProcedureDescription("Walk-in structural").build());
        lantir.worklist().add(WorklistItem.builder().scheduledStartDate(today)
                .scheduledStartTime(LocalTime.of(7, 30)).patientName("PHANTOM^QA")
                .patientId("QA-20261204").modality("MR").scheduledStationAeTitle("MRI_3T")
                .requestedProcedureDescription("Weekly phantom QA").build());
        return lantir.worklist().list(org.lantir.worklist.WorklistFilter.onDate(today));
    }

    /** The scanner starts and finishes the early sessions, and abandons one. */
    private static void runScannerDay(int port, List<WorklistItem> rows) {
        ModalitySimulator scanner = new DicomModalitySimulator();
        ScuTarget target = new ScuTarget("127.0.0.1", port, "MWL_SERVER", "MRI_3T");
        String[] finals = {"COMPLETED", "COMPLETED", "DISCONTINUED", null};
        for (int i = 0; i < finals.length && i < rows.size(); i++) {
            var created = scanner.createMpps(target, null, MppsStep.of(rows.get(i)));
            if (finals[i] != null && created.sopInstanceUid() != null) {
                scanner.setMpps(target, created.sopInstanceUid(),
                        ModalitySimulator.FinalStatus.valueOf(finals[i]));
            }
        }
    }

    private static void awaitSyncRun(Lantir lantir) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, (Callable<Boolean>) () ->
                lantir.scheduler().status(SOURCE).lastRun() != null);
    }

    private static void write(Scene scene, Path file) throws Exception {
        var image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
