package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.pdu.AAbort;
import org.lantir.dicom.net.pdu.PDUEncoder;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;

/** PS3.8 Annex E and D.1: fragmenting to the peer's maximum and reassembling. */
class PDataFragmentationTest {

    static Dataset findCommand() {
        Dataset command = new Dataset();
        command.setString(Tag.AffectedSOPClassUID, VR.UI, "1.2.840.10008.5.1.4.31");
        command.setInt(Tag.CommandField, VR.US, Dimse.C_FIND_RQ);
        command.setInt(Tag.MessageID, VR.US, 7);
        command.setInt(Tag.Priority, VR.US, 0);
        CommandSet.setDatasetType(command, true);
        return command;
    }

    static byte[] bytes(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) i;
        }
        return data;
    }

    @ParameterizedTest
    @ValueSource(ints = {16000, 4096, 100})
    void everyPduFitsThePeersMaximum(int max) {
        byte[] command = CommandSet.encode(findCommand());

        List<PDataTF> pdus = PDataFragmenter.fragment(1, command, bytes(31_000), max);

        for (PDataTF pdu : pdus) {
            assertThat(pdu.pduLength()).isLessThanOrEqualTo(max);
            assertThat(PDUEncoder.encode(pdu).length - 6).isEqualTo(pdu.pduLength());
        }
        assertThat(pdus.size()).isGreaterThanOrEqualTo(31_000 / max);
    }

    @Test
    void maximumZeroMeansOneUnlimitedPdu() {
        List<PDataTF> pdus = PDataFragmenter.fragment(1, CommandSet.encode(findCommand()),
                bytes(100_000), 0);

        assertThat(pdus).hasSize(1);
        assertThat(pdus.get(0).pdvs()).extracting(PDV::isCommand).containsExactly(true, false);
    }

    @Test
    void commandAndDataSetHaveTheirOwnPdvsEachWithOneLastFragment() {
        List<PDV> pdvs = new ArrayList<>();
        PDataFragmenter.fragment(3, CommandSet.encode(findCommand()), bytes(10_000), 4096)
                .forEach(p -> pdvs.addAll(p.pdvs()));

        List<PDV> command = pdvs.stream().filter(PDV::isCommand).toList();
        List<PDV> data = pdvs.stream().filter(p -> !p.isCommand()).toList();
        assertThat(command).extracting(PDV::isLast).containsExactly(true);
        assertThat(data.subList(0, data.size() - 1)).noneMatch(PDV::isLast);
        assertThat(data.get(data.size() - 1).isLast()).isTrue();
        assertThat(pdvs.indexOf(command.get(0))).isZero();
        assertThat(pdvs).allMatch(p -> p.presentationContextId() == 3);
    }

    @Test
    void reassemblyGivesBackCommandAndData() throws Exception {
        byte[] data = bytes(31_000);
        PDataAssembler assembler = new PDataAssembler(id -> id == 1);
        List<DimseMessage> messages = new ArrayList<>();

        for (PDataTF pdu : PDataFragmenter.fragment(1, CommandSet.encode(findCommand()), data,
                4096)) {
            messages.addAll(assembler.add(pdu));
        }

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).commandField()).isEqualTo(Dimse.C_FIND_RQ);
        assertThat(messages.get(0).data()).isEqualTo(data);
    }

    @Test
    void emptyDataSetStillGetsALastFragment() throws Exception {
        List<PDataTF> pdus = PDataFragmenter.fragment(1, CommandSet.encode(findCommand()),
                new byte[0], 4096);
        PDataAssembler assembler = new PDataAssembler(id -> true);

        List<DimseMessage> messages = assembler.add(pdus.get(0));

        assertThat(messages).singleElement().satisfies(m -> assertThat(m.data()).isEmpty());
    }

    @Test
    void commandWithoutDataSetCompletesOnItsLastFragment() throws Exception {
        Dataset echo = new Dataset();
        echo.setInt(Tag.CommandField, VR.US, Dimse.C_ECHO_RQ);
        CommandSet.setDatasetType(echo, false);
        PDataAssembler assembler = new PDataAssembler(id -> true);

        List<DimseMessage> messages = assembler.add(
                PDataFragmenter.fragment(1, CommandSet.encode(echo), null, 0).get(0));

        assertThat(messages).singleElement().satisfies(m -> assertThat(m.data()).isNull());
    }

    @Test
    void fragmentOnAContextNotAcceptedIsAnInvalidParameterValue() {
        PDataAssembler assembler = new PDataAssembler(id -> id == 1);

        assertThatThrownBy(() -> assembler.add(PDataTF.of(PDV.of(5, true, true, new byte[2]))))
                .isInstanceOfSatisfying(PDUException.class, e -> assertThat(e.reason())
                        .isEqualTo(AAbort.INVALID_PDU_PARAMETER_VALUE));
    }

    @Test
    void dataBeforeItsCommandIsAnUnexpectedParameter() {
        PDataAssembler assembler = new PDataAssembler(id -> true);

        assertThatThrownBy(() -> assembler.add(PDataTF.of(PDV.of(1, false, true, new byte[2]))))
                .isInstanceOfSatisfying(PDUException.class, e -> assertThat(e.reason())
                        .isEqualTo(AAbort.UNEXPECTED_PDU_PARAMETER));
    }

    @Test
    void contextSwitchInsideAMessageIsAnUnexpectedParameter() {
        PDataAssembler assembler = new PDataAssembler(id -> true);
        byte[] command = CommandSet.encode(findCommand());

        assertThatThrownBy(() -> assembler.add(PDataTF.of(PDV.of(1, true, true, command),
                PDV.of(3, false, true, new byte[2]))))
                .isInstanceOfSatisfying(PDUException.class, e -> assertThat(e.reason())
                        .isEqualTo(AAbort.UNEXPECTED_PDU_PARAMETER));
    }

    @Test
    void commandSetLeadsWithItsGroupLength() throws Exception {
        byte[] encoded = CommandSet.encode(findCommand());

        Dataset back = CommandSet.decode(encoded);

        assertThat(back.getInt(Tag.CommandGroupLength, -1)).isEqualTo(encoded.length - 12);
        assertThat(encoded[0] | encoded[1] | encoded[2] | encoded[3]).isZero();
        assertThat(back.getInt(Tag.MessageID, -1)).isEqualTo(7);
    }
}
