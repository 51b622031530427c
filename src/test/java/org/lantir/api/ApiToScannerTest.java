package org.lantir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.ModalitySimulator.QueryResult;
import org.lantir.scu.ScuTarget;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;

/**
 * A change made through the API is in the very next C-FIND a scanner sends to the same
 * running Lantir: added, moved, cancelled.
 */
@Timeout(60)
class ApiToScannerTest {

    @TempDir
    Path dir;
    private ApiHarness api;
    private final DicomModalitySimulator scanner = new DicomModalitySimulator();

    @BeforeEach
    void start() throws Exception {
        api = ApiHarness.start(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private QueryResult todaysMr() {
        ScuTarget target = new ScuTarget(ApiHarness.HOST, api.lantir().dicomServer().port(),
                "MWL_SCP", "MRI_3T");
        return scanner.query(target, WorklistKeys.on(LocalDate.now(), "MR"));
    }

    @Test
    void aScannerSeesEachApiChangeAtOnce() throws Exception {
        String writer = api.login("writer", ApiHarness.WRITER_PASSWORD);
        Map<String, Object> row = ApiWorklistTest.newRow();
        row.put("scheduled_start_date", LocalDate.now().toString());

        long id = ApiHarness.json(api.post("/worklist", writer, row)).get("id").asLong();
        QueryResult added = todaysMr();
        api.put("/worklist/" + id, writer, Map.of("scheduled_start_time", "14:15"));
        QueryResult moved = todaysMr();
        api.delete("/worklist/" + id, writer);
        QueryResult cancelled = todaysMr();

        assertThat(added.failure()).isNull();
        assertThat(added.answers()).extracting(WorklistAnswer::patientName,
                WorklistAnswer::patientId, WorklistAnswer::scheduledTime,
                WorklistAnswer::requestedProcedureDescription)
                .containsExactly(tuple("DOE^Jane", "SUB-001", "090000", "BRAIN MRI RESEARCH"));
        assertThat(moved.answers()).extracting(WorklistAnswer::scheduledTime)
                .containsExactly("141500");
        assertThat(cancelled.answers()).isEmpty();
        assertThat(cancelled.find().isSuccess()).isTrue();
    }
}
