package org.lantir.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DcmtkTest {

    @Test
    void aMissingToolSkipsOutsideCiAndFailsUnderCi() {
        assertThat(Dcmtk.find("no-such-dcmtk-tool")).isEmpty();

        Throwable thrown = catchThrowable(() -> Dcmtk.require("no-such-dcmtk-tool"));

        Class<?> expected = Dcmtk.isCi() ? AssertionFailedError.class
                : TestAbortedException.class;
        assertThat(thrown).isInstanceOf(expected).hasMessageContaining("no-such-dcmtk-tool");
    }

    @Test
    void runsAToolAndCapturesItsOutput() throws Exception {
        Dcmtk.Result result = Dcmtk.run("dcmdump", "--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("dcmdump");
        assertThatThrownBy(() -> Dcmtk.run("dcmdump", "/no/such/file").requireSuccess("dcmdump"))
                .isInstanceOf(AssertionFailedError.class);
    }

    @Test
    void datasetOfFileSkipsPreambleAndMetaInformation(@TempDir Path dir) throws Exception {
        Path dump = Files.writeString(dir.resolve("q.dump"),
                "(0008,0005) CS [ISO_IR 100]\n(0010,0010) PN [DOE^JANE]\n");
        Path file = dir.resolve("q.dcm");
        Dcmtk.run("dump2dcm", "+te", dump.toString(), file.toString()).requireSuccess("dump2dcm");

        byte[] dataset = Dcmtk.datasetOfFile(Files.readAllBytes(file));

        assertThat(dataset).isEqualTo(Dcmtk.dump2dcm(dump, "+te"));
        assertThatThrownBy(() -> Dcmtk.datasetOfFile(new byte[200]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
