package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.ElementDictionary;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.testing.DimseResponses;
import org.lantir.testing.TestLantir;
import org.lantir.testing.WorklistRows;

/**
 * C17: the query is decoded in its declared set (an undeclared one in the calling AE's
 * default, applied by the reader as the network layer does); each answer is encoded in a set
 * that holds its values and says which, and an all-ASCII answer names none (PS3.4 C.2.2.2,
 * PS3.3 C.12.1.1.2). Identifiers are built as bytes, as they arrive.
 */
class C17CharacterSetTest {

    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private final TestLantir lantir = new TestLantir();

    @BeforeEach
    void names() {
        lantir.store(WorklistRows.row("MÜLLER^JÖRG", "L1", "MR", "MRI_3T", "20250212", "090000"),
                WorklistRows.row("DVOŘÁK^ADÉLA", "L2", "MR", "MRI_3T", "20250212", "100000"),
                WorklistRows.row("MARTIN^LUC", "L3", "MR", "MRI_3T", "20250212", "110000"));
    }

    /** Explicit VR LE bytes: optional (0008,0005), a PN key of raw bytes, Patient ID, SPS. */
    private static byte[] identifier(String charset, byte[] nameKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (charset != null) {
            Dataset cs = new Dataset();
            cs.setString(Tag.SpecificCharacterSet, charset);
            out.writeBytes(DicomWriter.write(cs, TS));
        }
        int length = nameKey.length + (nameKey.length % 2);
        out.writeBytes(new byte[] {0x10, 0x00, 0x10, 0x00, 'P', 'N', (byte) length, 0});
        out.writeBytes(nameKey);
        if (nameKey.length % 2 == 1) {
            out.write(' ');
        }
        Dataset rest = new Dataset();
        rest.setEmpty(Tag.PatientID, ElementDictionary.vrOf(Tag.PatientID));
        rest.addItem(Tag.ScheduledProcedureStepSequence).setEmpty(
                Tag.ScheduledProcedureStepStartDate, ElementDictionary.vrOf(
                        Tag.ScheduledProcedureStepStartDate));
        out.writeBytes(DicomWriter.write(rest, TS));
        return out.toByteArray();
    }

    private DimseResponses query(byte[] bytes, SpecificCharacterSet callingAeDefault)
            throws Exception {
        return lantir.cFind(DicomReader.read(bytes, TS, callingAeDefault));
    }

    /** The answer as it goes on the wire, read back: the label must tell the truth. */
    private static Dataset onTheWire(Dataset answer) throws Exception {
        return DicomReader.read(DicomWriter.write(answer, TS), TS);
    }

    /** inputs/C17-query-utf8.dump */
    @Test
    void utf8QueryFindsTheNameAndIsAnsweredInUtf8() throws Exception {
        var r = query(identifier("ISO_IR 192", "MÜ*".getBytes(StandardCharsets.UTF_8)),
                SpecificCharacterSet.DEFAULT);

        assertThat(r.values(Tag.PatientID)).containsExactly("L1");
        Dataset answer = r.identifiers().get(0);
        assertThat(answer.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(onTheWire(answer).getString(Tag.PatientName)).isEqualTo("MÜLLER^JÖRG");
    }

    /** inputs/C17-query-latin1-declared.dump: key bytes 4D DC 2A. */
    @Test
    void declaredLatin1QueryIsAnsweredInLatin1() throws Exception {
        var r = query(identifier("ISO_IR 100", new byte[] {0x4D, (byte) 0xDC, 0x2A}),
                SpecificCharacterSet.DEFAULT);

        assertThat(r.values(Tag.PatientID)).containsExactly("L1");
        Dataset answer = r.identifiers().get(0);
        assertThat(answer.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 100");
        byte[] wire = DicomWriter.write(answer, TS);
        assertThat(new String(wire, StandardCharsets.ISO_8859_1)).contains("MÜLLER^JÖRG");
        assertThat(onTheWire(answer).getString(Tag.PatientName)).isEqualTo("MÜLLER^JÖRG");
    }

    /** inputs/C17-query-latin1-undeclared.dump, calling AE configured for ISO_IR 100. */
    @Test
    void undeclaredLatin1QueryUsesTheCallingAeDefault() throws Exception {
        var r = query(identifier(null, new byte[] {0x4D, (byte) 0xDC, 0x2A}),
                SpecificCharacterSet.LATIN_1);

        assertThat(r.values(Tag.PatientID)).containsExactly("L1");
        assertThat(r.identifiers().get(0).getString(Tag.SpecificCharacterSet)).isNotNull();
    }

    /** inputs/C17-query-ascii-latin1.dump: L2 holds Ř, which Latin-1 lacks. */
    @Test
    void nameOutsideTheQuerySetIsAnsweredInASetThatHoldsIt() throws Exception {
        var r = query(identifier("ISO_IR 100", "DVO*".getBytes(StandardCharsets.US_ASCII)),
                SpecificCharacterSet.DEFAULT);

        assertThat(r.values(Tag.PatientID)).containsExactly("L2");
        Dataset answer = r.identifiers().get(0);
        assertThat(answer.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(onTheWire(answer).getString(Tag.PatientName)).isEqualTo("DVOŘÁK^ADÉLA");
    }

    @Test
    void asciiAnswerNamesNoCharacterSet() throws Exception {
        var r = query(identifier("ISO_IR 100", "MAR*".getBytes(StandardCharsets.US_ASCII)),
                SpecificCharacterSet.DEFAULT);

        assertThat(r.values(Tag.PatientID)).containsExactly("L3");
        assertThat(r.identifiers().get(0).contains(Tag.SpecificCharacterSet)).isFalse();
    }
}
