package org.lantir.e2e;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.testsupport.Dcmtk;

/**
 * dcmtk's {@code findscu -W} as a scanner's worklist query: a case's query file
 * ({@code cases/inputs/*.dump}, converted with {@code dump2dcm}) sent to a running Lantir, the
 * responses extracted to files ({@code -X -od}) and decoded with Lantir's own reader, the
 * final status taken from findscu's verbose log.
 */
final class Findscu {

    /** "Received Final Find Response (Success)", "... (Error: ...)" etc. */
    private static final Pattern FINAL =
            Pattern.compile("Received Final Find Response \\(([^)]*)\\)");
    /** "Received Find Response 1 (Pending)": one line per pending response. */
    private static final Pattern PENDING =
            Pattern.compile("Received Find Response \\d+ \\(([^)]*)\\)");
    /** With {@code -d}: each response's "DIMSE Status : 0xa900: ..." line. */
    private static final Pattern STATUS_HEX =
            Pattern.compile("DIMSE Status\\s*: 0x([0-9a-fA-F]{4})");
    private static final int PREAMBLE_AND_MAGIC = 132;

    private final Path workDir;
    private final int port;
    private String calledAe = RunningLantir.AE_TITLE;
    private String callingAe = "MRI_3T";
    private final List<String> options = new ArrayList<>();
    private final List<String> dumpOptions = new ArrayList<>();

    private Findscu(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** A findscu aimed at a Lantir on 127.0.0.1; query and answer files go in {@code dir}. */
    static Findscu to(RunningLantir lantir, Path dir) {
        return new Findscu(dir, lantir.port());
    }

    Findscu calling(String aeTitle) {
        callingAe = aeTitle;
        return this;
    }

    Findscu called(String aeTitle) {
        calledAe = aeTitle;
        return this;
    }

    /** More findscu options, e.g. {@code -pdu 4096} or {@code -xi}. */
    Findscu options(String... more) {
        options.addAll(Arrays.asList(more));
        return this;
    }

    /** More dump2dcm options, e.g. {@code +l 20000}. */
    Findscu dumpOptions(String... more) {
        dumpOptions.addAll(Arrays.asList(more));
        return this;
    }

    /** Sends the query of {@code cases/inputs/<name>.dump} and collects the answer. */
    Answer query(String caseInput) throws IOException {
        return query(caseInput(caseInput), caseInput);
    }

    /** Sends the query of a dcmtk dump file and collects the answer. */
    Answer query(Path dumpFile) throws IOException {
        return query(dumpFile, "query");
    }

    private Answer query(Path dumpFile, String name) throws IOException {
        Dcmtk.require("dump2dcm");
        Dcmtk.require("findscu");
        Path run = Files.createTempDirectory(workDir, name);
        Path query = run.resolve("query.dcm");
        List<String> dump = new ArrayList<>(dumpOptions);
        dump.add(dumpFile.toString());
        dump.add(query.toString());
        Dcmtk.run("dump2dcm", dump.toArray(new String[0])).requireSuccess("dump2dcm");

        Path out = Files.createDirectory(run.resolve("answers"));
        List<String> args = new ArrayList<>(List.of("-v", "-W", "-X", "-od", out.toString(),
                "-aet", callingAe, "-aec", calledAe));
        args.addAll(options);
        args.addAll(List.of(RunningLantir.HOST, Integer.toString(port), query.toString()));
        Dcmtk.Result result = Dcmtk.run("findscu", args.toArray(new String[0]));
        return new Answer(result.exitCode(), readAnswers(out), result.stdout() + result.stderr());
    }

    static Path caseInput(String name) {
        URL url = Findscu.class.getClassLoader().getResource("cases/inputs/" + name + ".dump");
        if (url == null) {
            throw new IllegalArgumentException("no case input " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Dataset> readAnswers(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith("rsp")).sorted()
                    .toList();
        }
        List<Dataset> answers = new ArrayList<>();
        for (Path file : files) {
            try {
                answers.add(readFile(Files.readAllBytes(file)));
            } catch (DicomFormatException e) {
                throw new AssertionError("Lantir's reader cannot read " + file, e);
            }
        }
        return answers;
    }

    /** A DICOM file's data set, in the transfer syntax its meta information names. */
    static Dataset readFile(byte[] file) throws DicomFormatException {
        byte[] dataset = Dcmtk.datasetOfFile(file);
        byte[] meta = Arrays.copyOfRange(file, PREAMBLE_AND_MAGIC, file.length - dataset.length);
        String tsUid = DicomReader.read(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .getString(Tag.TransferSyntaxUID);
        TransferSyntax ts = TransferSyntax.fromUid(tsUid);
        if (ts == null) {
            throw new IllegalStateException("answer file in transfer syntax " + tsUid);
        }
        return DicomReader.read(dataset, ts);
    }

    /**
     * What findscu received.
     *
     * @param exitCode findscu's exit code
     * @param matches the identifiers of the pending responses, in order
     * @param log findscu's verbose output
     */
    record Answer(int exitCode, List<Dataset> matches, String log) {

        /** The final response's status as findscu names it, e.g. "Success". */
        String finalStatus() {
            Matcher m = FINAL.matcher(log);
            String last = null;
            while (m.find()) {
                last = m.group(1);
            }
            if (last == null) {
                throw new AssertionError("findscu logged no final response:\n" + log);
            }
            return last;
        }

        /** The pending responses' statuses as findscu names them, e.g. "Pending". */
        List<String> pendingStatuses() {
            return groups(PENDING);
        }

        /** The final response's status in hex, e.g. "a900"; needs findscu's {@code -d}. */
        String statusHex() {
            List<String> all = statusHexes();
            if (all.isEmpty()) {
                throw new AssertionError("findscu logged no DIMSE status (run it with -d):\n"
                        + log);
            }
            return all.get(all.size() - 1);
        }

        /** Every response's status in hex, in order; needs findscu's {@code -d}. */
        List<String> statusHexes() {
            return groups(STATUS_HEX).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        }

        private List<String> groups(Pattern pattern) {
            List<String> found = new ArrayList<>();
            Matcher m = pattern.matcher(log);
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        /** One value per match: the first value of a top-level attribute, "" when empty. */
        List<String> values(int tag) {
            return matches.stream().map(m -> m.getString(tag, "")).toList();
        }

        /** One value per match: the first value of an attribute of the SPS item. */
        List<String> spsValues(int tag) {
            return matches.stream().map(m -> {
                Dataset sps = m.getItem(Tag.ScheduledProcedureStepSequence);
                return sps == null ? null : sps.getString(tag, "");
            }).toList();
        }

        @Override
        public String toString() {
            return "findscu exit " + exitCode + ", " + matches.size() + " match(es)\n" + log;
        }
    }
}
