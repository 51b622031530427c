package org.lantir.dicom.net.pdu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Byte fixtures for every PDU type (PS3.8 §9.3): decode → fields, encode → same bytes. */
class PDUCodecTest {

    /** Hex with spaces, newlines and {@code #} comments allowed. */
    static byte[] hex(String text) {
        StringBuilder digits = new StringBuilder();
        for (String line : text.split("\n")) {
            int comment = line.indexOf('#');
            digits.append((comment >= 0 ? line.substring(0, comment) : line)
                    .replaceAll("\\s", ""));
        }
        return HexFormat.of().parseHex(digits.toString());
    }

    static String ascii(String s) {
        return HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * A-ASSOCIATE-RQ from MRI_3T to MWL_SCP: one MWL context (Explicit, Implicit LE), user
     * information with max length 16384, implementation class UID 1.2.3, asynchronous window
     * 1/1, an SCU role for MWL, version name LANTIR, and a user identity sub-item (58H).
     */
    static final String ASSOCIATE_RQ = String.join("\n",
            "01 00 000000FC            # type 01, reserved, PDU-length 252",
            "0001 0000                 # protocol version 1, reserved",
            ascii("MWL_SCP         ") + " # called AE",
            ascii("MRI_3T          ") + " # calling AE",
            "00".repeat(32) + "        # reserved",
            "10 00 0015 " + ascii("1.2.840.10008.3.1.1.1") + " # application context",
            "20 00 004A 01 00 00 00    # presentation context 1",
            "  30 00 0016 " + ascii("1.2.840.10008.5.1.4.31") + " # abstract syntax MWL",
            "  40 00 0013 " + ascii("1.2.840.10008.1.2.1") + " # Explicit VR LE",
            "  40 00 0011 " + ascii("1.2.840.10008.1.2") + " # Implicit VR LE",
            "50 00 004D                # user information",
            "  51 00 0004 00004000     # maximum length 16384",
            "  52 00 0005 " + ascii("1.2.3") + " # implementation class UID",
            "  53 00 0004 0001 0001    # asynchronous operations window 1/1",
            "  54 00 001A 0016 " + ascii("1.2.840.10008.5.1.4.31") + " 01 00 # SCU role",
            "  55 00 0006 " + ascii("LANTIR") + " # implementation version name",
            "  58 00 0008 01 00 0004 " + ascii("jdoe") + " # user identity: username");

    static final String ASSOCIATE_AC = String.join("\n",
            "02 00 000000AC            # type 02, PDU-length 172",
            "0001 0000",
            ascii("MWL_SCP         ") + ascii("MRI_3T          "),
            "00".repeat(32),
            "10 00 0015 " + ascii("1.2.840.10008.3.1.1.1"),
            "21 00 0019 01 00 00 00    # context 1: acceptance",
            "  40 00 0011 " + ascii("1.2.840.10008.1.2") + " # Implicit VR LE",
            "21 00 0017 03 00 04 00    # context 3: transfer-syntaxes-not-supported",
            "  40 00 000F " + ascii("1.2.840.10008.1") + " # not significant",
            "50 00 0013",
            "  51 00 0004 00010000     # maximum length 65536",
            "  52 00 0007 " + ascii("2.25.17"));

    @Nested
    class AssociateRQ {

        @Test
        void decodesEveryItemAndSubItem() throws Exception {
            AAssociateRQ rq = (AAssociateRQ) PDUDecoder.decode(hex(ASSOCIATE_RQ));

            assertThat(rq.protocolVersion()).isEqualTo(1);
            assertThat(rq.calledAeTitle()).isEqualTo("MWL_SCP");
            assertThat(rq.callingAeTitle()).isEqualTo("MRI_3T");
            assertThat(rq.applicationContextName()).isEqualTo("1.2.840.10008.3.1.1.1");
            assertThat(rq.presentationContexts()).containsExactly(PresentationContextRQ.of(1,
                    "1.2.840.10008.5.1.4.31", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2"));
            UserInformation ui = rq.userInformation();
            assertThat(ui.maxLength()).isEqualTo(16384);
            assertThat(ui.implementationClassUid()).isEqualTo("1.2.3");
            assertThat(ui.implementationVersionName()).isEqualTo("LANTIR");
            assertThat(ui.asyncOperationsWindow()).isEqualTo(new AsyncOperationsWindow(1, 1));
            assertThat(ui.roleSelections()).containsExactly(
                    new RoleSelection("1.2.840.10008.5.1.4.31", true, false));
            assertThat(ui.otherSubItems()).extracting(SubItem::type).containsExactly(0x58);
        }

        @Test
        void encodesToTheSameBytes() throws Exception {
            byte[] fixture = hex(ASSOCIATE_RQ);

            assertThat(PDUEncoder.encode(PDUDecoder.decode(fixture))).isEqualTo(fixture);
        }

        @Test
        void keepsUserIdentityOutOfToString() throws Exception {
            AAssociateRQ rq = (AAssociateRQ) PDUDecoder.decode(hex(ASSOCIATE_RQ));

            assertThat(rq.toString()).doesNotContain("jdoe");
        }

        @Test
        void stripsAeTitlePaddingOnBothSides() throws Exception {
            byte[] bytes = hex(ASSOCIATE_RQ);
            byte[] padded = "  MRI_3T        ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            System.arraycopy(padded, 0, bytes, 26, 16);

            assertThat(((AAssociateRQ) PDUDecoder.decode(bytes)).callingAeTitle())
                    .isEqualTo("MRI_3T");
        }

        @Test
        void skipsAnItemOfUnknownType() throws Exception {
            byte[] fixture = hex(ASSOCIATE_RQ);
            byte[] unknown = hex("77 00 0002 ABCD");
            byte[] longer = new byte[fixture.length + unknown.length];
            System.arraycopy(fixture, 0, longer, 0, fixture.length);
            System.arraycopy(unknown, 0, longer, fixture.length, unknown.length);
            java.nio.ByteBuffer.wrap(longer).putInt(2, longer.length - 6);

            AAssociateRQ rq = (AAssociateRQ) PDUDecoder.decode(longer);

            assertThat(rq.presentationContexts()).hasSize(1);
        }

        @Test
        void withAnAcceptorContextItemIsAnUnexpectedParameter() {
            byte[] bytes = hex(ASSOCIATE_RQ);
            int contextItem = 6 + 68 + 4 + 21;
            assertThat(bytes[contextItem]).isEqualTo((byte) 0x20);
            bytes[contextItem] = 0x21;

            assertAbortReason(bytes, AAbort.UNEXPECTED_PDU_PARAMETER);
        }

        @Test
        void whoseItemOverrunsThePduIsAnInvalidParameterValue() {
            byte[] bytes = hex(ASSOCIATE_RQ);
            int userInfoLengthHighByte = bytes.length - 0x4D - 2;
            bytes[userInfoLengthHighByte] = 0x01;

            assertAbortReason(bytes, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }

        @Test
        void shorterThanItsFixedPartIsAnInvalidParameterValue() {
            assertAbortReason(hex("01 00 00000004 0001 0000"), AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Nested
    class AssociateAC {

        @Test
        void decodesResultsAndMaximumLength() throws Exception {
            AAssociateAC ac = (AAssociateAC) PDUDecoder.decode(hex(ASSOCIATE_AC));

            assertThat(ac.presentationContexts()).containsExactly(
                    new PresentationContextAC(1, 0, "1.2.840.10008.1.2"),
                    new PresentationContextAC(3, 4, "1.2.840.10008.1"));
            assertThat(ac.userInformation().maxLength()).isEqualTo(65536);
            assertThat(ac.userInformation().implementationVersionName()).isNull();
        }

        @Test
        void encodesToTheSameBytes() throws Exception {
            byte[] fixture = hex(ASSOCIATE_AC);

            assertThat(PDUEncoder.encode(PDUDecoder.decode(fixture))).isEqualTo(fixture);
        }
    }

    @Nested
    class FixedLength {

        @Test
        void associateRJ() throws Exception {
            byte[] fixture = hex("03 00 00000004 00 01 01 03 # permanent, user, calling AE");

            assertThat(PDUDecoder.decode(fixture)).isEqualTo(new AAssociateRJ(1, 1, 3));
            assertThat(PDUEncoder.encode(new AAssociateRJ(1, 1, 3))).isEqualTo(fixture);
        }

        @Test
        void releaseRQAndRP() throws Exception {
            byte[] rq = hex("05 00 00000004 00000000");
            byte[] rp = hex("06 00 00000004 00000000");

            assertThat(PDUDecoder.decode(rq)).isInstanceOf(AReleaseRQ.class);
            assertThat(PDUDecoder.decode(rp)).isInstanceOf(AReleaseRP.class);
            assertThat(PDUEncoder.encode(new AReleaseRQ())).isEqualTo(rq);
            assertThat(PDUEncoder.encode(new AReleaseRP())).isEqualTo(rp);
        }

        @Test
        void abort() throws Exception {
            byte[] fixture = hex("07 00 00000004 00 00 02 06 # provider, invalid parameter");

            assertThat(PDUDecoder.decode(fixture)).isEqualTo(new AAbort(2, 6));
            assertThat(PDUEncoder.encode(new AAbort(2, 6))).isEqualTo(fixture);
        }

        @Test
        void withAnotherLengthThanFourIsAnInvalidParameterValue() {
            assertAbortReason(hex("05 00 00000006 000000000000"),
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Nested
    class PDataTFItems {

        static final String P_DATA = String.join("\n",
                "04 00 00000012            # P-DATA-TF, PDU-length 18",
                "00000004 01 03 0102       # PDV: context 1, command + last, 2 bytes",
                "00000006 01 00 03040506   # PDV: context 1, data, not last, 4 bytes");

        @Test
        void decodesPdvsWithTheirMessageControlHeader() throws Exception {
            PDataTF p = (PDataTF) PDUDecoder.decode(hex(P_DATA));

            assertThat(p.pdvs()).containsExactly(
                    PDV.of(1, true, true, new byte[] {1, 2}),
                    PDV.of(1, false, false, new byte[] {3, 4, 5, 6}));
            assertThat(p.pdvs().get(0).isCommand()).isTrue();
            assertThat(p.pdvs().get(1).isLast()).isFalse();
        }

        @Test
        void encodesToTheSameBytes() throws Exception {
            byte[] fixture = hex(P_DATA);

            assertThat(PDUEncoder.encode(PDUDecoder.decode(fixture))).isEqualTo(fixture);
        }

        @Test
        void whosePdvOverrunsThePduIsAnInvalidParameterValue() {
            assertAbortReason(hex("04 00 00000008 00000009 01 03 0102"),
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }

        @Test
        void withoutPdvIsAnInvalidParameterValue() {
            assertAbortReason(hex("04 00 00000000"), AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    @Nested
    class ReadingAStream {

        @Test
        void readsPdusOneAfterAnotherAndNullAtTheEnd() throws Exception {
            byte[] stream = concat(hex("05 00 00000004 00000000"), hex("07 00 00000004 0000 0000"));
            PDUDecoder decoder = new PDUDecoder(new ByteArrayInputStream(stream), 16384);

            assertThat(decoder.read()).isInstanceOf(AReleaseRQ.class);
            assertThat(decoder.read()).isEqualTo(new AAbort(0, 0));
            assertThat(decoder.read()).isNull();
        }

        @Test
        void unknownTypeIsAnUnrecognizedPdu() {
            assertStreamAbortReason(hex("47 45 54 20 2F 20 48 54 54 50"), 16384,
                    AAbort.UNRECOGNIZED_PDU);
        }

        @Test
        void pDataLongerThanOurMaximumIsAnInvalidParameterValue() {
            assertStreamAbortReason(hex("04 00 00004001 00000002 01 03"), 16384,
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }

        @Test
        void associateRequestBeyondOneMebibyteIsAnInvalidParameterValue() {
            assertStreamAbortReason(hex("01 00 7FFFFFF0"), 16384,
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }

        @Test
        void streamEndingInsideTheHeaderIsAnInvalidParameterValue() {
            assertStreamAbortReason(hex("04 00 00"), 16384, AAbort.INVALID_PDU_PARAMETER_VALUE);
        }

        @Test
        void streamEndingInsideTheBodyIsAnInvalidParameterValue() {
            assertStreamAbortReason(hex("05 00 00000004 00"), 16384,
                    AAbort.INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private static void assertAbortReason(byte[] pdu, int reason) {
        assertThatThrownBy(() -> PDUDecoder.decode(pdu)).isInstanceOfSatisfying(
                PDUException.class, e -> assertThat(e.abort())
                        .isEqualTo(new AAbort(AAbort.SOURCE_SERVICE_PROVIDER, reason)));
    }

    private static void assertStreamAbortReason(byte[] stream, int max, int reason) {
        PDUDecoder decoder = new PDUDecoder(new ByteArrayInputStream(stream), max);
        assertThatThrownBy(decoder::readRaw).isInstanceOfSatisfying(PDUException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void userInformationOfTheEncoderListsSubItemsInTypeOrder() throws Exception {
        UserInformation ui = new UserInformation(0, "1.2", "V", new AsyncOperationsWindow(1, 1),
                List.of(new RoleSelection("1.2.3", true, true)),
                List.of(new SubItem(0x58, new byte[] {1, 0, 0, 0})));
        AAssociateAC ac = new AAssociateAC(1, "A", "B", "1.2.840.10008.3.1.1.1", List.of(), ui);

        AAssociateAC back = (AAssociateAC) PDUDecoder.decode(PDUEncoder.encode(ac));

        assertThat(back.userInformation()).isEqualTo(ui);
    }
}
