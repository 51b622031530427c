package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.testsupport.Dcmtk;

/**
 * Interoperability of the data set codec with dcmtk: data sets that dcmtk's dump2dcm makes from
 * the shared case inputs decode to the expected values and re-encode to dcmtk's own bytes in
 * every syntax and length form; data sets Lantir writes are read back by dcmtk's dcmdump.
 * Skipped when dcmtk is missing, except under CI=true where that fails.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DcmtkInteropTest {

    /** dump2dcm options and the matching syntax and length form of Lantir's writer. */
    private static final List<Variant> VARIANTS = List.of(
            new Variant(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, false, "+ti", "+l", "20000"),
            new Variant(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, true, "+ti", "-e", "+l",
                    "20000"),
            new Variant(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, "+te", "+l", "20000"),
            new Variant(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, true, "+te", "-e", "+l",
                    "20000"));

    private record Variant(TransferSyntax ts, boolean undefinedLengths, String... options) {
    }

    @BeforeAll
    static void requireDcmtk() {
        Dcmtk.require("dump2dcm");
        Dcmtk.require("dcmdump");
    }

    private static Path input(String name) throws URISyntaxException {
        return Path.of(DcmtkInteropTest.class.getResource("/cases/inputs/" + name).toURI());
    }

    /** Converts a case input in every variant; all decode alike and re-encode identically. */
    private static Dataset readEveryWay(String name) throws Exception {
        return readEveryWay(name, true);
    }

    private static Dataset readEveryWay(String name, boolean reencode) throws Exception {
        Dataset first = null;
        for (Variant variant : VARIANTS) {
            byte[] bytes = Dcmtk.dump2dcm(input(name), variant.options());
            Dataset ds = DicomReader.read(bytes, variant.ts());
            if (reencode) {
                assertThat(DicomWriter.write(ds, variant.ts(), variant.undefinedLengths()))
                        .as("%s re-encoded as %s, undefined lengths %s", name, variant.ts(),
                                variant.undefinedLengths())
                        .isEqualTo(bytes);
            }
            if (first == null) {
                first = ds;
            } else {
                assertThat(ds).as(name + " " + variant.ts()).isEqualTo(first);
            }
        }
        return first;
    }

    @Test
    void utf8QueryKeyDecodes() throws Exception {
        Dataset ds = readEveryWay("C17-query-utf8.dump");

        assertThat(ds.getStrings(Tag.SpecificCharacterSet)).containsExactly("ISO_IR 192");
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("MÜ*");
        assertThat(ds.contains(Tag.PatientID)).isTrue();
        assertThat(ds.getItem(Tag.ScheduledProcedureStepSequence)
                .contains(Tag.ScheduledProcedureStepStartDate)).isTrue();
    }

    @Test
    void latin1QueryKeyDecodesWhenDeclared() throws Exception {
        Dataset ds = readEveryWay("C17-query-latin1-declared.dump");

        assertThat(ds.getString(Tag.PatientName)).isEqualTo("MÜ*");
    }

    @Test
    void undeclaredLatin1QueryKeyDecodesAsLatin1ButIsNotWrittenUndeclared() throws Exception {
        // Reading is lenient (PS3.4 C.2.2.2: the SCP documents its fallback); writing 8-bit
        // text without (0008,0005) is refused (PS3.3 C.12.1.1.2), so no re-encoding here.
        Dataset ds = readEveryWay("C17-query-latin1-undeclared.dump", false);

        assertThat(ds.contains(Tag.SpecificCharacterSet)).isFalse();
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("MÜ*");
        assertThatThrownBy(() -> DicomWriter.write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void asciiQueryKeyInALatin1DataSetDecodes() throws Exception {
        Dataset ds = readEveryWay("C17-query-ascii-latin1.dump");

        assertThat(ds.getString(Tag.PatientName)).isEqualTo("DVO*");
    }

    @Test
    void longTextValuesArriveWhole() throws Exception {
        Dataset ds = readEveryWay("C18-item-large.dump");

        assertThat(ds.getString(Tag.PatientComments)).hasSize(10240);
        assertThat(ds.getString(Tag.RequestedProcedureComments)).hasSize(10240);
        assertThat(ds.getItem(Tag.ScheduledProcedureStepSequence)
                .getString(Tag.CommentsOnTheScheduledProcedureStep)).hasSize(10240);
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("ROE^RICHARD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"C18-query.dump", "C11-sps-two-items.dump",
        "C23-ncreate-attrs.dump"})
    void nestedAndEmptySequencesRoundTrip(String name) throws Exception {
        Dataset ds = readEveryWay(name);

        assertThat(ds.contains(Tag.ScheduledProcedureStepSequence)
                || ds.contains(Tag.ScheduledStepAttributesSequence)).isTrue();
    }

    @Test
    void mppsAttributesDecode() throws Exception {
        Dataset ds = readEveryWay("C23-ncreate-attrs.dump");

        assertThat(ds.getString(Tag.PerformedProcedureStepStatus)).isEqualTo("IN PROGRESS");
        assertThat(ds.getSequence(Tag.ProcedureCodeSequence)).isEmpty();
        Dataset ssa = ds.getItem(Tag.ScheduledStepAttributesSequence);
        assertThat(ssa.getString(Tag.StudyInstanceUID)).isEqualTo("2.25.111000000000000000001");
        assertThat(ssa.getSequence(Tag.ReferencedStudySequence)).isEmpty();
        assertThat(ssa.getString(Tag.ScheduledProcedureStepID)).isEqualTo("SPS-SUB001-1");
    }

    @Test
    void dcmdumpReadsNamesLantirEncodes(@TempDir Path dir) throws IOException {
        assertDcmdumpShowsName(dir, new String[] {"ISO_IR 101"}, "DVOŘÁK^ADÉLA");
        assertDcmdumpShowsName(dir, new String[] {"ISO_IR 126"}, "ΠΑΠΑΔΟΠΟΥΛΟΥ^ΕΛΕΝΗ");
        assertDcmdumpShowsName(dir, new String[] {"ISO_IR 144"}, "ИВАНОВА^МАРИЯ");
        assertDcmdumpShowsName(dir, new String[] {"ISO_IR 192"}, "山田^太郎");
        assertDcmdumpShowsName(dir, new String[] {"", "ISO 2022 IR 149"},
                "Hong^Gildong=洪^吉洞=홍^길동");
        assertDcmdumpShowsName(dir, new String[] {"GB18030"}, "Wang^XiaoDong=王^小东");
    }

    private static void assertDcmdumpShowsName(Path dir, String[] charset, String name)
            throws IOException {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, charset);
        ds.setString(Tag.PatientName, name);
        for (TransferSyntax ts : TransferSyntax.values()) {
            Path file = Files.write(dir.resolve("lantir.dcm"), DicomWriter.write(ds, ts));
            String syntax = ts.isExplicitVr() ? "-te" : "-ti";

            Dcmtk.Result result = Dcmtk.run("dcmdump", "-f", syntax, "+U8", file.toString())
                    .requireSuccess("dcmdump of " + String.join("\\", charset));

            assertThat(result.stdout()).contains("(0010,0010) PN [" + name + "]");
        }
    }
}
