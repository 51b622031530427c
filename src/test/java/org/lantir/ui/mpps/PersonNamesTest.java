package org.lantir.ui.mpps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void familyNameFirstThenGivenAndMiddleNames() {
        assertThat(PersonNames.readable("DOE^JANE")).isEqualTo("DOE, JANE");
        assertThat(PersonNames.readable("DOE^JANE^Q^DR^PHD")).isEqualTo("DOE, JANE Q");
        assertThat(PersonNames.readable("DOE")).isEqualTo("DOE");
        assertThat(PersonNames.readable("^JANE")).isEqualTo("JANE");
        assertThat(PersonNames.readable("YAMADA^TARO=\u5c71\u7530^\u592a\u90ce"))
                .isEqualTo("YAMADA, TARO");
        assertThat(PersonNames.readable(null)).isEmpty();
    }
}
