package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.dicom.data.Bytes.hex;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The data set codec against hand-written byte fixtures (PS3.5 §7.1 and Annex A): decode to
 * fields, encode to the same bytes. Every fixture is commented element by element.
 */
class DicomCodecFixtureTest {

    private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    /** A worklist query in Implicit VR LE with a sequence and an item of defined length. */
    static final byte[] IMPLICIT_QUERY = hex(""
            // (0008,0005) length 10: "ISO_IR 100"
            + "08 00 05 00 0A 00 00 00 49 53 4F 5F 49 52 20 31 30 30"
            // (0010,0010) length 12: "MÜLLER^JÖRG" in ISO-IR 100 + space padding
            + "10 00 10 00 0C 00 00 00 4D DC 4C 4C 45 52 5E 4A D6 52 47 20"
            // (0010,0020) length 0
            + "10 00 20 00 00 00 00 00"
            // (0040,0100) SQ length 44, one Item of length 36
            + "40 00 00 01 2C 00 00 00 FE FF 00 E0 24 00 00 00"
            // > (0008,0060) length 2: "MR"
            + "08 00 60 00 02 00 00 00 4D 52"
            // > (0040,0002) length 18: "20250212-20250213" + space padding
            + "40 00 02 00 12 00 00 00 32 30 32 35 30 32 31 32 2D 32 30 32 35 30 32 31 33 20"
            // (0040,1001) length 6: "RP1001"
            + "40 00 01 10 06 00 00 00 52 50 31 30 30 31");

    /** Offsets of the top-level element boundaries in {@link #IMPLICIT_QUERY}. */
    static final int[] IMPLICIT_QUERY_BOUNDARIES = {0, 18, 38, 46, 98, 112};

    /** The same query in Explicit VR LE, sequence and item of undefined length. */
    static final byte[] EXPLICIT_UNDEFINED_QUERY = hex(""
            // (0008,0005) CS length 10
            + "08 00 05 00 43 53 0A 00 49 53 4F 5F 49 52 20 31 30 30"
            // (0010,0010) PN length 12
            + "10 00 10 00 50 4E 0C 00 4D DC 4C 4C 45 52 5E 4A D6 52 47 20"
            // (0010,0020) LO length 0
            + "10 00 20 00 4C 4F 00 00"
            // (0040,0100) SQ, 2 reserved bytes, undefined length; Item of undefined length
            + "40 00 00 01 53 51 00 00 FF FF FF FF FE FF 00 E0 FF FF FF FF"
            // > (0008,0060) CS length 2
            + "08 00 60 00 43 53 02 00 4D 52"
            // > (0040,0002) DA length 18
            + "40 00 02 00 44 41 12 00 32 30 32 35 30 32 31 32 2D 32 30 32 35 30 32 31 33 20"
            // Item Delimitation Item, Sequence Delimitation Item
            + "FE FF 0D E0 00 00 00 00 FE FF DD E0 00 00 00 00"
            // (0040,1001) SH length 6
            + "40 00 01 10 53 48 06 00 52 50 31 30 30 31");

    static Dataset expectedQuery() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.PatientName, "MÜLLER^JÖRG");
        ds.setEmpty(Tag.PatientID, VR.LO);
        Dataset sps = ds.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, "MR");
        sps.setString(Tag.ScheduledProcedureStepStartDate, "20250212-20250213");
        ds.setString(Tag.RequestedProcedureID, "RP1001");
        return ds;
    }

    @Test
    void implicitQueryDecodesToItsFields() throws Exception {
        Dataset ds = DicomReader.read(IMPLICIT_QUERY, IMPLICIT);

        assertThat(ds.getString(Tag.PatientName)).isEqualTo("MÜLLER^JÖRG");
        assertThat(ds.vrOf(Tag.PatientName)).isEqualTo(VR.PN);
        assertThat(ds.contains(Tag.PatientID)).isTrue();
        assertThat(ds.hasValue(Tag.PatientID)).isFalse();
        Dataset sps = ds.getItem(Tag.ScheduledProcedureStepSequence);
        assertThat(sps.getString(Tag.Modality)).isEqualTo("MR");
        assertThat(sps.getString(Tag.ScheduledProcedureStepStartDate))
                .isEqualTo("20250212-20250213");
        assertThat(ds.getString(Tag.RequestedProcedureID)).isEqualTo("RP1001");
        assertThat(ds).isEqualTo(expectedQuery());
    }

    @Test
    void implicitQueryEncodesToTheSameBytes() {
        assertThat(DicomWriter.write(expectedQuery(), IMPLICIT)).isEqualTo(IMPLICIT_QUERY);
    }

    @Test
    void explicitQueryWithUndefinedLengthsDecodesAndEncodesToTheSameBytes() throws Exception {
        Dataset ds = DicomReader.read(EXPLICIT_UNDEFINED_QUERY, EXPLICIT);

        assertThat(ds).isEqualTo(expectedQuery());
        assertThat(DicomWriter.write(ds, EXPLICIT, true)).isEqualTo(EXPLICIT_UNDEFINED_QUERY);
    }

    @Test
    void definedAndUndefinedLengthsDecodeAlikeInBothSyntaxes() throws Exception {
        Dataset ds = expectedQuery();
        Dataset sps = ds.getItem(Tag.ScheduledProcedureStepSequence);
        sps.addItem(Tag.ScheduledProtocolCodeSequence).setString(Tag.CodeValue, "BRAIN");
        ds.newSequence(Tag.ReferencedStudySequence);

        for (TransferSyntax ts : TransferSyntax.values()) {
            for (boolean undefined : new boolean[] {false, true}) {
                byte[] bytes = DicomWriter.write(ds, ts, undefined);
                assertThat(DicomReader.read(bytes, ts)).as(ts + " undefined=" + undefined)
                        .isEqualTo(ds);
            }
        }
    }

    @Test
    void emptyItemsAndEmptySequencesKeepTheirShape() throws Exception {
        // (0040,0100) SQ length 8: one Item of length 0; (0040,0270) SQ length 0
        byte[] bytes = hex("40 00 00 01 08 00 00 00 FE FF 00 E0 00 00 00 00"
                + "40 00 70 02 00 00 00 00");

        Dataset ds = DicomReader.read(bytes, IMPLICIT);

        assertThat(ds.getSequence(Tag.ScheduledProcedureStepSequence)).hasSize(1);
        assertThat(ds.getItem(Tag.ScheduledProcedureStepSequence).isEmpty()).isTrue();
        assertThat(ds.getSequence(Tag.ScheduledStepAttributesSequence)).isEmpty();
        assertThat(DicomWriter.write(ds, IMPLICIT)).isEqualTo(bytes);
    }

    @Test
    void itemsInheritTheCharacterSetOrDeclareTheirOwn() throws Exception {
        byte[] bytes = hex(""
                // (0008,0005) "ISO_IR 100"
                + "08 00 05 00 0A 00 00 00 49 53 4F 5F 49 52 20 31 30 30"
                // (0040,0100) SQ length 54, two items
                + "40 00 00 01 36 00 00 00"
                // Item 1 (length 10): > (0040,0007) LO "É" (C9) + pad
                + "FE FF 00 E0 0A 00 00 00 40 00 07 00 02 00 00 00 C9 20"
                // Item 2 (length 28): > (0008,0005) "ISO_IR 192", > (0040,0007) LO "É" in UTF-8
                + "FE FF 00 E0 1C 00 00 00 08 00 05 00 0A 00 00 00"
                + "49 53 4F 5F 49 52 20 31 39 32 40 00 07 00 02 00 00 00 C3 89");

        Dataset ds = DicomReader.read(bytes, IMPLICIT);

        List<Dataset> items = ds.getSequence(Tag.ScheduledProcedureStepSequence);
        assertThat(items.get(0).getString(Tag.ScheduledProcedureStepDescription)).isEqualTo("É");
        assertThat(items.get(1).getString(Tag.ScheduledProcedureStepDescription)).isEqualTo("É");
        assertThat(DicomWriter.write(ds, IMPLICIT)).isEqualTo(bytes);
    }

    @Test
    void unknownTagsAreCarriedAsUnAndKeepTheirBytesInBothSyntaxes() throws Exception {
        byte[] implicit = hex(""
                // (0009,0010) private creator, read as LO: "LANTIR TEST" + pad
                + "09 00 10 00 0C 00 00 00 4C 41 4E 54 49 52 20 54 45 53 54 20"
                // (0009,1001) private, unknown: UN, 4 bytes
                + "09 00 01 10 04 00 00 00 01 02 03 04"
                // (0029,0001) public but not in the dictionary: UN, 2 bytes
                + "29 00 01 00 02 00 00 00 AB CD");
        byte[] explicit = hex(""
                + "09 00 10 00 4C 4F 0C 00 4C 41 4E 54 49 52 20 54 45 53 54 20"
                // UN has the long header: VR, 2 reserved bytes, 32-bit length
                + "09 00 01 10 55 4E 00 00 04 00 00 00 01 02 03 04"
                + "29 00 01 00 55 4E 00 00 02 00 00 00 AB CD");

        Dataset fromImplicit = DicomReader.read(implicit, IMPLICIT);

        assertThat(fromImplicit.vrOf(0x00091001)).isEqualTo(VR.UN);
        assertThat(fromImplicit.getBytes(0x00091001)).isEqualTo(hex("01 02 03 04"));
        assertThat(fromImplicit.getString(0x00090010)).isEqualTo("LANTIR TEST");
        assertThat(DicomWriter.write(fromImplicit, IMPLICIT)).isEqualTo(implicit);
        assertThat(DicomWriter.write(fromImplicit, EXPLICIT)).isEqualTo(explicit);
        Dataset fromExplicit = DicomReader.read(explicit, EXPLICIT);
        assertThat(fromExplicit).isEqualTo(fromImplicit);
        assertThat(DicomWriter.write(fromExplicit, EXPLICIT)).isEqualTo(explicit);
        assertThat(DicomWriter.write(fromExplicit, IMPLICIT)).isEqualTo(implicit);
    }

    @Test
    void knownTagsSentAsUnAreDecodedWithTheirDictionaryVr() throws Exception {
        byte[] explicit = hex(""
                // (0010,0010) as UN, length 8: "DOE^JANE"
                + "10 00 10 00 55 4E 00 00 08 00 00 00 44 4F 45 5E 4A 41 4E 45"
                // (0040,0100) as UN of undefined length: items in Implicit VR LE
                + "40 00 00 01 55 4E 00 00 FF FF FF FF FE FF 00 E0 FF FF FF FF"
                + "08 00 60 00 02 00 00 00 4D 52"
                + "FE FF 0D E0 00 00 00 00 FE FF DD E0 00 00 00 00");

        Dataset ds = DicomReader.read(explicit, EXPLICIT);

        assertThat(ds.vrOf(Tag.PatientName)).isEqualTo(VR.PN);
        assertThat(ds.getString(Tag.PatientName)).isEqualTo("DOE^JANE");
        assertThat(ds.vrOf(Tag.ScheduledProcedureStepSequence)).isEqualTo(VR.SQ);
        assertThat(ds.getItem(Tag.ScheduledProcedureStepSequence).getString(Tag.Modality))
                .isEqualTo("MR");
    }

    @Test
    void unknownExplicitVrCodesAreReadWithTheLongHeaderAsUn() throws Exception {
        // (0029,0002) with the two-letter code "ZZ": PS3.5 7.1.2 long header, length 2
        byte[] bytes = hex("29 00 02 00 5A 5A 00 00 02 00 00 00 01 02");

        Dataset ds = DicomReader.read(bytes, EXPLICIT);

        assertThat(ds.vrOf(0x00290002)).isEqualTo(VR.UN);
        assertThat(ds.getBytes(0x00290002)).isEqualTo(hex("01 02"));
    }

    /** An N-SET-RSP command set (PS3.7 E.1-1) in Implicit VR LE, as DIMSE sends it. */
    static final byte[] COMMAND = hex(""
            // (0000,0000) UL length 4: group length 100 (0x64)
            + "00 00 00 00 04 00 00 00 64 00 00 00"
            // (0000,0002) UI length 24: "1.2.840.10008.3.1.2.3.3" + NUL padding
            + "00 00 02 00 18 00 00 00 31 2E 32 2E 38 34 30 2E 31 30 30 30 38 2E 33 2E 31 2E"
            + "32 2E 33 2E 33 00"
            // (0000,0100) US 8120H (N-SET-RSP); (0000,0120) US 1; (0000,0800) US 0101H
            + "00 00 00 01 02 00 00 00 20 81 00 00 20 01 02 00 00 00 01 00"
            + "00 00 00 08 02 00 00 00 01 01"
            // (0000,0900) US 0106H; (0000,0901) AT (0040,0252)
            + "00 00 00 09 02 00 00 00 06 01 00 00 01 09 04 00 00 00 40 00 52 02"
            // (0000,1000) UI length 8: "1.2.3.4" + NUL
            + "00 00 00 10 08 00 00 00 31 2E 32 2E 33 2E 34 00");

    @Test
    void commandSetDecodesAtValuesAndGroupLength() throws Exception {
        Dataset cmd = DicomReader.read(COMMAND, IMPLICIT);

        assertThat(cmd.getInt(Tag.CommandGroupLength, -1)).isEqualTo(100);
        assertThat(cmd.getString(Tag.AffectedSOPClassUID))
                .isEqualTo(UID.MODALITY_PERFORMED_PROCEDURE_STEP);
        assertThat(cmd.getInt(Tag.CommandField, -1)).isEqualTo(0x8120);
        assertThat(cmd.getInt(Tag.Status, -1)).isEqualTo(0x0106);
        assertThat(cmd.getTags(Tag.OffendingElement))
                .containsExactly(Tag.PerformedProcedureStepStatus);
        assertThat(cmd.getString(Tag.AffectedSOPInstanceUID)).isEqualTo("1.2.3.4");
    }

    @Test
    void writerComputesTheGroupLength() {
        Dataset cmd = new Dataset();
        cmd.setInt(Tag.CommandGroupLength, VR.UL, 0);
        cmd.setString(Tag.AffectedSOPClassUID, UID.MODALITY_PERFORMED_PROCEDURE_STEP);
        cmd.setInt(Tag.CommandField, VR.US, 0x8120);
        cmd.setInt(Tag.MessageIDBeingRespondedTo, VR.US, 1);
        cmd.setInt(Tag.CommandDataSetType, VR.US, 0x0101);
        cmd.setInt(Tag.Status, VR.US, 0x0106);
        cmd.setTags(Tag.OffendingElement, Tag.PerformedProcedureStepStatus);
        cmd.setString(Tag.AffectedSOPInstanceUID, "1.2.3.4");

        assertThat(DicomWriter.write(cmd, IMPLICIT)).isEqualTo(COMMAND);
    }

    @Test
    void groupLengthsOfDataGroupsAreRecomputedPerGroup() throws Exception {
        Dataset ds = new Dataset();
        ds.setInt(0x00100000, VR.UL, 999);
        ds.setString(Tag.PatientName, "DOE^JANE");
        ds.setString(Tag.PatientID, "1001");
        ds.setString(Tag.Modality, "MR");

        byte[] bytes = DicomWriter.write(ds, EXPLICIT);

        // (0008,0060) CS "MR"; (0010,0000) UL 28; (0010,0010) PN 8; (0010,0020) LO 4
        assertThat(bytes).isEqualTo(hex("08 00 60 00 43 53 02 00 4D 52"
                + "10 00 00 00 55 4C 04 00 1C 00 00 00"
                + "10 00 10 00 50 4E 08 00 44 4F 45 5E 4A 41 4E 45"
                + "10 00 20 00 4C 4F 04 00 31 30 30 31"));
        assertThat(DicomReader.read(bytes, EXPLICIT).getInt(0x00100000, -1)).isEqualTo(28);
    }

    @Test
    void oddLengthValuesArePaddedWithTheVrPaddingByte() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.Modality, "M");
        ds.setString(Tag.StudyInstanceUID, "1.2.3");
        ds.setBytes(0x00091001, VR.OB, hex("01 02 03"));

        byte[] bytes = DicomWriter.write(ds, EXPLICIT);

        // CS pads with a space, OB and UI with NUL (PS3.5 6.2)
        assertThat(bytes).isEqualTo(hex("08 00 60 00 43 53 02 00 4D 20"
                + "09 00 01 10 4F 42 00 00 04 00 00 00 01 02 03 00"
                + "20 00 0D 00 55 49 06 00 31 2E 32 2E 33 00"));
        Dataset back = DicomReader.read(bytes, EXPLICIT);
        assertThat(back.getString(Tag.Modality)).isEqualTo("M");
        assertThat(back.getString(Tag.StudyInstanceUID)).isEqualTo("1.2.3");
    }

    @Test
    void multiValuedStringsSplitOnBackslashAndSingleValuedVrsDoNot() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.OtherPatientIDs, "ID1", "ID2", "");
        ds.setString(Tag.PatientComments, "a\\b");

        Dataset back = DicomReader.read(DicomWriter.write(ds, IMPLICIT), IMPLICIT);

        assertThat(back.getText(Tag.OtherPatientIDs)).isEqualTo("ID1\\ID2\\");
        assertThat(back.getStrings(Tag.OtherPatientIDs)).containsExactly("ID1", "ID2", "");
        assertThat(back.getStrings(Tag.PatientComments)).containsExactly("a\\b");
    }

    @Test
    void aValueTooLongForA16BitLengthIsWrittenAsUnInExplicitVr() throws Exception {
        String[] ids = new String[7000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = String.format("ID%07d", i);
        }
        Dataset ds = new Dataset();
        ds.setString(Tag.OtherPatientIDs, ids);

        byte[] bytes = DicomWriter.write(ds, EXPLICIT);

        // 7000 values of 9 characters + 6999 backslashes = 69999 bytes, padded to 70000
        assertThat(Arrays.copyOf(bytes, 12))
                .isEqualTo(hex("10 00 00 10 55 4E 00 00 70 11 01 00"));
        Dataset back = DicomReader.read(bytes, EXPLICIT);
        assertThat(back.vrOf(Tag.OtherPatientIDs)).isEqualTo(VR.LO);
        assertThat(back.getStrings(Tag.OtherPatientIDs)).containsExactly(ids);
        assertThat(DicomReader.read(DicomWriter.write(ds, IMPLICIT), IMPLICIT)).isEqualTo(back);
    }

    @Test
    void charactersOutsideTheDeclaredSetFailTheWriteWithTheTag() {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 100");
        ds.setString(Tag.PatientName, "DVOŘÁK^ADÉLA");

        assertThatThrownBy(() -> DicomWriter.write(ds, IMPLICIT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0010,0010)").hasMessageNotContaining("DVO");
    }

    @Test
    void unsupportedCharacterSetFallsBackToTheDefaultWithAWarning() throws Exception {
        // (0008,0005) "ISO_IR 999"; (0010,0010) "M" DC "LLER" + pad
        byte[] bytes = hex("08 00 05 00 0A 00 00 00 49 53 4F 5F 49 52 20 39 39 39"
                + "10 00 10 00 08 00 00 00 4D DC 4C 4C 45 52 20 20");
        Logger logger = (Logger) LoggerFactory.getLogger(DicomReader.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Dataset ds = DicomReader.read(bytes, IMPLICIT, SpecificCharacterSet.DEFAULT);

            assertThat(ds.getString(Tag.PatientName)).isEqualTo("MÜLLER");
        } finally {
            logger.detachAppender(log);
        }
        assertThat(log.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("ISO_IR 999")
                    .doesNotContain("LLER");
        });
    }
}
