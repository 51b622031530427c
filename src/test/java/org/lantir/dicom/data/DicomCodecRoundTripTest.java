package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DicomCodecRoundTripTest {

    @ParameterizedTest
    @EnumSource(TransferSyntax.class)
    void nestedSequencesSurviveWriteThenRead(TransferSyntax ts) throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        ds.setString(Tag.PatientName, "MÜLLER^JÖRG");
        ds.setEmpty(Tag.PatientID, VR.LO);
        Dataset sps = ds.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, "MR");
        sps.setString(Tag.ScheduledProcedureStepStartDate, "20250212");
        sps.newSequence(Tag.ScheduledProtocolCodeSequence);
        ds.setInt(Tag.PregnancyStatus, VR.US, 4);

        for (boolean undefined : new boolean[] {false, true}) {
            byte[] bytes = DicomWriter.write(ds, ts, undefined);
            Dataset back = DicomReader.read(bytes, ts);

            assertThat(back).isEqualTo(ds);
            assertThat(back.getItem(Tag.ScheduledProcedureStepSequence).getString(Tag.Modality))
                    .isEqualTo("MR");
            assertThat(back.getInt(Tag.PregnancyStatus, -1)).isEqualTo(4);
        }
    }
}
