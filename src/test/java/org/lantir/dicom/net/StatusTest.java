package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusTest {

    @Test
    void toHexWritesFourUpperCaseDigitsAndH() {
        assertThat(Status.toHex(Status.SUCCESS)).isEqualTo("0000H");
        assertThat(Status.toHex(0x0122)).isEqualTo("0122H");
        assertThat(Status.toHex(Status.PENDING)).isEqualTo("FF00H");
        assertThat(Status.toHex(0xA700)).isEqualTo("A700H");
    }
}
