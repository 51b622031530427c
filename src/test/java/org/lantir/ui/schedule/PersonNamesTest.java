package org.lantir.ui.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names as the schedule shows and searches them (PS3.5 §6.2.1 components). */
class PersonNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DOE^JANE|DOE, Jane",
        "DOE^JANE^MARIE|DOE, Jane Marie",
        "DOE^JANE-MARIE|DOE, Jane-Marie",
        "O'NEIL^SEAN|O'NEIL, Sean",
        "DOE^JANE^^DR^PHD|DOE, DR Jane, PHD",
        "van der Berg^Anna|van der Berg, Anna",
        "DOE^McKENZIE|DOE, McKENZIE",
        "QA PHANTOM|QA PHANTOM",
        "^JANE|Jane",
        "=山田^太郎|山田, 太郎",
        "Müller^JÜRGEN|Müller, Jürgen"})
    void readableForms(String stored, String shown) {
        assertThat(PersonNames.readable(stored)).isEqualTo(shown);
    }

    @Test
    void noNameIsEmpty() {
        assertThat(PersonNames.readable(null)).isEmpty();
        assertThat(PersonNames.readable("  ")).isEmpty();
        assertThat(PersonNames.readable("A^B^C^D^E^F")).as("not a PN: shown as stored")
                .isEqualTo("A^B^C^D^E^F");
    }

    @Test
    void searchWordsMustAllOccurInTheNameOrTheId() {
        assertThat(PersonNames.matches("jane doe", "DOE^JANE", "SUB042")).isTrue();
        assertThat(PersonNames.matches("DOE, Jane", "DOE^JANE", "SUB042")).isTrue();
        assertThat(PersonNames.matches("b04", "DOE^JANE", "SUB042")).isTrue();
        assertThat(PersonNames.matches("doe sub042", "DOE^JANE", "SUB042")).isTrue();
        assertThat(PersonNames.matches("jane roe", "DOE^JANE", "SUB042")).isFalse();
        assertThat(PersonNames.matches("", null, null)).isTrue();
        assertThat(PersonNames.matches("x", null, null)).isFalse();
        assertThat(PersonNames.matches("jürgen", "MÜLLER^JÜRGEN", "P1")).isTrue();
    }
}
