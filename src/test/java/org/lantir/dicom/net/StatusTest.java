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

    @Test
    void describeNamesEachStatusInWords() {
        assertThat(Status.describe(Status.SUCCESS)).isEqualTo("0x0000 Success");
        assertThat(Status.describe(Status.PROCESSING_FAILURE))
                .isEqualTo("0x0110 Processing failure");
        assertThat(Status.describe(0xA700)).isEqualTo("0xA700 Out of resources");
        assertThat(Status.describe(0xA7FF)).as("A7xxH is a range").isEqualTo(
                "0xA7FF Out of resources");
        assertThat(Status.describe(0xC012)).isEqualTo("0xC012 Unable to process");
        assertThat(Status.describe(Status.NO_SUCH_SOP_INSTANCE))
                .isEqualTo("0x0112 No such SOP Instance");
        assertThat(Status.describe(Status.DUPLICATE_SOP_INSTANCE))
                .isEqualTo("0x0111 Duplicate SOP Instance");
        assertThat(Status.describe(0x0107)).isEqualTo("0x0107 Warning: attribute list error");
        assertThat(Status.describe(0x0999))
                .isEqualTo("0x0999 Failure (a status code the standard does not define)");
    }

    @Test
    void warningsAreTheOperationsPerformedWithAWarning() {
        assertThat(Status.isWarning(0x0107)).isTrue();
        assertThat(Status.isWarning(0x0116)).isTrue();
        assertThat(Status.isWarning(0xB000)).isTrue();
        assertThat(Status.isWarning(Status.SUCCESS)).isFalse();
        assertThat(Status.isWarning(Status.PROCESSING_FAILURE)).isFalse();
    }
}
