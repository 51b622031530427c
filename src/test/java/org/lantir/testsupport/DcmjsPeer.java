package org.lantir.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.ElementDictionary;
import org.lantir.dicom.data.VR;

/**
 * The dcmjs-dimse test peer ({@code src/test/node/peer.js}), an independent DICOM SCU, run
 * with Node.js for interoperability tests: each call is one association with one request
 * (C-ECHO, C-FIND, N-CREATE or N-SET), and the peer's one JSON line per response is parsed.
 *
 * <p>Node.js and the peer's {@code node_modules} ({@code npm ci} in {@code src/test/node}) are
 * found or the test is skipped, except under {@code CI=true} where it fails: the CI image
 * installs both, so a skipped peer would hide a broken setup.
 *
 * <p>Data sets are dcmjs "naturalized" JSON: attribute keywords as keys, strings for text
 * values, lists of objects for sequences, e.g.
 * {@code Map.of("PatientID", "1001", "ScheduledProcedureStepSequence", List.of(Map.of(...)))}.
 */
public final class DcmjsPeer {

    /** Long enough for Node's start-up on a loaded 2-core machine; guards hangs only. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> LINE =
            new TypeReference<Map<String, Object>>() { };

    private final Path node;
    private final Path script;
    private final String host;
    private final int port;
    private final String calledAe;
    private String callingAe = "DCMJS";

    private DcmjsPeer(Path node, Path script, String host, int port, String calledAe) {
        this.node = node;
        this.script = script;
        this.host = host;
        this.port = port;
        this.calledAe = calledAe;
    }

    /**
     * A peer aimed at {@code calledAe} on {@code host:port}. Skips the test (fails it under
     * CI=true) when Node.js or the peer's node_modules are missing.
     */
    public static DcmjsPeer to(String host, int port, String calledAe) {
        Path dir = peerDirectory();
        Optional<Path> node = Dcmtk.find("node");
        if (node.isEmpty()) {
            missing("Node.js ('node') not found on PATH");
        }
        if (!Files.isDirectory(dir.resolve("node_modules").resolve("dcmjs-dimse"))) {
            missing("dcmjs-dimse not installed: run (cd " + dir + " && npm ci --ignore-scripts)");
        }
        return new DcmjsPeer(node.get(), dir.resolve("peer.js"), host, port, calledAe);
    }

    /** The calling AE title of the following requests (default DCMJS). */
    public DcmjsPeer calling(String aeTitle) {
        this.callingAe = aeTitle;
        return this;
    }

    public Result echo() throws IOException {
        return run(spec("echo", null, null));
    }

    /** A Modality Worklist C-FIND with this identifier. */
    public Result find(Map<String, Object> identifier) throws IOException {
        return run(spec("find", null, identifier));
    }

    /** An MPPS N-CREATE; {@code sopInstanceUid} null lets the SCP mint it (PS3.7 10.1.5). */
    public Result nCreate(String sopInstanceUid, Map<String, Object> attributes)
            throws IOException {
        return run(spec("ncreate", sopInstanceUid, attributes));
    }

    /** An MPPS N-SET to {@code sopInstanceUid}. */
    public Result nSet(String sopInstanceUid, Map<String, Object> modifications)
            throws IOException {
        return run(spec("nset", sopInstanceUid, modifications));
    }

    /**
     * A Lantir data set as dcmjs naturalized JSON: keyword keys, text values as strings (a
     * list when multi-valued, "" when zero length), sequences as lists of items. Binary VRs
     * are not needed by the worklist and MPPS messages and are refused.
     */
    public static Map<String, Object> naturalize(Dataset dataset) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Element element : dataset) {
            String keyword = ElementDictionary.keywordOf(element.tag());
            if (keyword == null) {
                throw new IllegalArgumentException("no keyword for " + element);
            }
            json.put(keyword, naturalValue(dataset, element));
        }
        return json;
    }

    private static Object naturalValue(Dataset dataset, Element element) {
        if (element.vr() == VR.SQ) {
            List<Object> items = new ArrayList<>();
            dataset.getSequence(element.tag()).forEach(item -> items.add(naturalize(item)));
            return items;
        }
        if (!(element.value() instanceof String)) {
            throw new IllegalArgumentException("binary value of " + element + " not supported");
        }
        String[] values = dataset.getStrings(element.tag());
        if (values.length == 0) {
            return "";
        }
        return values.length == 1 ? values[0] : List.of(values);
    }

    private Map<String, Object> spec(String op, String uid, Map<String, Object> dataset) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("op", op);
        spec.put("host", host);
        spec.put("port", port);
        spec.put("callingAe", callingAe);
        spec.put("calledAe", calledAe);
        if (uid != null) {
            spec.put("sopInstanceUid", uid);
        }
        if (dataset != null) {
            spec.put("dataset", dataset);
        }
        return spec;
    }

    /**
     * Runs the peer once with a request description and parses its output.
     *
     * @throws AssertionError (test failure) when it does not end within the timeout or
     *         prints something that is not one JSON object per line
     */
    public Result run(Map<String, Object> spec) throws IOException {
        Path out = Files.createTempFile("dcmjs-peer", ".out");
        Path err = Files.createTempFile("dcmjs-peer", ".err");
        try {
            Process process = new ProcessBuilder(node.toString(), script.toString(),
                    JSON.writeValueAsString(spec))
                    .directory(script.getParent().toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!waitFor(process, DEFAULT_TIMEOUT)) {
                process.destroyForcibly();
                fail("dcmjs-dimse peer did not finish within " + DEFAULT_TIMEOUT);
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            return new Result(process.exitValue(), parse(stdout, stderr), stderr);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<Response> parse(String stdout, String stderr) {
        List<Response> responses = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                responses.add(Response.of(JSON.readValue(line, LINE)));
            } catch (JsonProcessingException e) {
                throw new AssertionError("dcmjs-dimse peer printed a line that is not JSON: "
                        + line + "\n" + stderr, e);
            }
        }
        return responses;
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while waiting for the dcmjs peer", e);
        }
    }

    /** {@code src/test/node} of the project the tests run in (Surefire sets basedir). */
    private static Path peerDirectory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/node")
                .toAbsolutePath().normalize();
    }

    private static void missing(String message) {
        if (Dcmtk.isCi()) {
            fail(message + "; CI=true requires it");
        }
        assumeTrue(false, message);
    }

    /**
     * One response as the peer printed it.
     *
     * @param status the DIMSE status
     * @param sopInstanceUid the Affected SOP Instance UID of the response, or null
     * @param errorComment the Error Comment, or null
     * @param attributeIdentifiers the Attribute Identifier List (0000,1005), each tag as 8
     *        upper-case hex digits (e.g. "00400252"), empty when absent
     * @param dataset the response's data set (naturalized), or null
     */
    public record Response(int status, String sopInstanceUid, String errorComment,
            List<String> attributeIdentifiers, Map<String, Object> dataset) {

        @SuppressWarnings("unchecked")
        static Response of(Map<String, Object> line) {
            Object status = line.get("status");
            if (!(status instanceof Number)) {
                throw new AssertionError("dcmjs-dimse peer line without a status: " + line);
            }
            return new Response(((Number) status).intValue(),
                    (String) line.get("sopInstanceUid"), (String) line.get("errorComment"),
                    tags(line.get("attributeIdentifierList")),
                    (Map<String, Object>) line.get("dataset"));
        }

        private static List<String> tags(Object value) {
            if (value == null) {
                return List.of();
            }
            List<?> values = value instanceof List<?> list ? list : List.of(value);
            // dcmjs decodes AT as the number (group << 16 | element)
            return values.stream().map(v -> v instanceof Number n
                    ? String.format(Locale.ROOT, "%08X", n.longValue())
                    : String.valueOf(v).toUpperCase(Locale.ROOT)).toList();
        }

        public boolean isPending() {
            return status == 0xFF00 || status == 0xFF01;
        }
    }

    /**
     * How one run of the peer ended.
     *
     * @param exitCode 0 when the association ended normally, 2 network error, 3 rejected
     * @param responses every response received, in order
     * @param stderr what the peer printed on standard error
     */
    public record Result(int exitCode, List<Response> responses, String stderr) {

        /** The last (final) response; fails the test when there was none. */
        public Response last() {
            if (responses.isEmpty()) {
                throw new AssertionError("dcmjs-dimse peer received no response (exit "
                        + exitCode + "): " + stderr);
            }
            return responses.get(responses.size() - 1);
        }

        /** The data sets of the pending responses (C-FIND matches). */
        public List<Map<String, Object>> matches() {
            return responses.stream().filter(Response::isPending).map(Response::dataset)
                    .toList();
        }
    }
}
