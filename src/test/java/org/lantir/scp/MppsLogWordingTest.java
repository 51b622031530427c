package org.lantir.scp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an MPPS request's instance is named in the log, with or without a UID. */
class MppsLogWordingTest {

    @Test
    void aRequestIsNamedByItsUidAndACreateWithoutOneIsNotNull() {
        assertThat(MppsScp.instanceOf("1.2.3.4")).isEqualTo("SOP Instance UID 1.2.3.4");
        assertThat(MppsScp.instanceOf(null)).doesNotContain("null")
                .contains("no Affected SOP Instance UID");
    }
}
