package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.testsupport.Dcmtk;

/**
 * Worklist files as dcmtk's dump2dcm writes them for wlmscpfs and Orthanc (DICOM files with
 * File Meta Information, or bare data sets with {@code -F}) in each little endian syntax,
 * and as Lantir writes them, all read to the same data set; what Lantir cannot read is
 * refused with a reason in plain words.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DicomFileTest {

    @TempDir
    Path dir;

    static Path worklistDump(String name) throws Exception {
        return Path.of(DicomFileTest.class.getResource("/worklist-files/" + name).toURI());
    }

    /** dump2dcm's output for the options, as file bytes. */
    private byte[] dump2dcm(String dump, String... options) throws Exception {
        Path out = dir.resolve("out.wl");
        List<String> args = new java.util.ArrayList<>(Arrays.asList(options));
        args.add(worklistDump(dump).toString());
        args.add(out.toString());
        Dcmtk.run("dump2dcm", args.toArray(new String[0])).requireSuccess("dump2dcm");
        return Files.readAllBytes(out);
    }

    private static DicomFile.Contents read(byte[] file) throws DicomFormatException {
        return DicomFile.read(file, SpecificCharacterSet.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+te", "+ti", "+td", "-e", "-F", "-F +ti", "-F -e",
        "-F +ti -e"})
    void everyLittleEndianFormOfAWorklistFileReadsAlike(String options) throws Exception {
        Dcmtk.require("dump2dcm");
        String[] args = options.isEmpty() ? new String[0] : options.split(" ");
        byte[] reference = dump2dcm("wklist-mr.dump", "-F", "+te");

        DicomFile.Contents contents = read(dump2dcm("wklist-mr.dump", args));

        assertThat(contents.hasMetaInformation()).isEqualTo(!options.contains("-F"));
        assertThat(contents.dataset()).isEqualTo(DicomReader.read(reference,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Dataset ds = contents.dataset();
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("Lefèvre^Hélène");
        assertThat(ds.getItem(Tag.ScheduledProcedureStepSequence)
                .getSequence(Tag.ScheduledProtocolCodeSequence)).hasSize(2);
    }

    @Test
    void theSyntaxComesFromTheMetaInformation() throws Exception {
        Dcmtk.require("dump2dcm");

        assertThat(read(dump2dcm("wklist-mr.dump", "+ti")).transferSyntaxUid())
                .isEqualTo(UID.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(read(dump2dcm("wklist-mr.dump", "+td")).transferSyntaxUid())
                .isEqualTo(DicomFile.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(read(dump2dcm("wklist-mr.dump", "-F", "+ti")).transferSyntaxUid())
                .isEqualTo(UID.IMPLICIT_VR_LITTLE_ENDIAN);
    }

    @Test
    void bigEndianIsRefusedByName() throws Exception {
        Dcmtk.require("dump2dcm");

        assertThatThrownBy(() -> read(dump2dcm("wklist-mr.dump", "+tb")))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("Big Endian");
    }

    @Test
    void aFileLantirWritesIsReadByLantirAndByDcmtk() throws Exception {
        Dcmtk.require("dcmdump");
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        ds.setString(Tag.PatientName, VR.PN, "Åberg^Sölve");
        ds.setString(Tag.PatientID, VR.LO, "SUB3001");
        ds.addItem(Tag.ScheduledProcedureStepSequence).setString(Tag.Modality, VR.CS, "MR");
        Path file = dir.resolve("lantir.wl");
        Files.write(file, DicomFile.write(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                UID.MODALITY_WORKLIST_FIND, "2.25.42"));

        DicomFile.Contents contents = read(Files.readAllBytes(file));
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "-M", file.toString())
                .requireSuccess("dcmdump");

        assertThat(contents.dataset()).isEqualTo(ds);
        assertThat(contents.transferSyntaxUid()).isEqualTo(UID.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(dump.stdout()).contains("(0010,0020) LO [SUB3001]")
                .contains("LittleEndianImplicit");
    }

    @Test
    void theDefaultCharacterSetReadsUndeclaredText() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        ds.setString(Tag.PatientName, VR.PN, "Lefèvre^Hélène");
        byte[] file = DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        // The same bytes without the declaration, as some worklist files come.
        byte[] undeclared = Arrays.copyOfRange(file, 8 + 10, file.length);

        Dataset latin1 = DicomFile.read(undeclared, SpecificCharacterSet.LATIN_1).dataset();

        assertThat(latin1.getString(Tag.PatientName)).isEqualTo("Lefèvre^Hélène");
    }

    @Test
    void whatIsNoDataSetIsRefusedWithAReason() {
        assertThatThrownBy(() -> read(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> read("patient,date\n".getBytes()))
                .isInstanceOf(DicomFormatException.class);
        byte[] truncated = Arrays.copyOf(DicomFile.write(new Dataset().setString(
                Tag.PatientID, VR.LO, "SUB1"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                UID.MODALITY_WORKLIST_FIND, "2.25.1"), 150);
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("truncated");
    }
}
