package org.lantir.scu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScuTargetTest {

    @Test
    void fieldsAsTypedBecomeATargetWithoutPadding() {
        ScuTarget target = ScuTarget.fromFields(" 127.0.0.1 ", " 11112", "MWL_SCP ", "MRI_3T");

        assertThat(target).isEqualTo(new ScuTarget("127.0.0.1", 11112, "MWL_SCP", "MRI_3T"));
        assertThat(target).hasToString("MWL_SCP@127.0.0.1:11112");
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertThatThrownBy(() -> ScuTarget.fromFields("", "104", "A", "B"))
                .hasMessageStartingWith("Host:");
        assertThatThrownBy(() -> ScuTarget.fromFields("h", "eleven", "A", "B"))
                .hasMessageStartingWith("Port: 'eleven'");
        assertThatThrownBy(() -> ScuTarget.fromFields("h", "70000", "A", "B"))
                .hasMessageStartingWith("Port: '70000'");
        assertThatThrownBy(() -> ScuTarget.fromFields("h", "104", "", "B"))
                .hasMessageStartingWith("Called AE title:");
        assertThatThrownBy(() -> ScuTarget.fromFields("h", "104", "A", "SEVENTEEN_CHARS_X"))
                .hasMessageStartingWith("Calling AE title:")
                .hasMessageContaining("longer than 16");
    }
}
