package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lantir.dicom.data.PersonName.Component;
import org.lantir.dicom.data.PersonName.Group;

/** Person names of PS3.5 §6.2.1; every name is fictional or a PS3.5 example. */
class PersonNameTest {

    @Test
    void parsesComponentsOfTheAlphabeticGroup() {
        PersonName name = PersonName.parse("Adams^John Robert Quincy^^Rev.^B.A. M.Div.");

        assertThat(name.get(Component.FAMILY)).isEqualTo("Adams");
        assertThat(name.get(Component.GIVEN)).isEqualTo("John Robert Quincy");
        assertThat(name.get(Component.MIDDLE)).isEmpty();
        assertThat(name.get(Component.PREFIX)).isEqualTo("Rev.");
        assertThat(name.get(Component.SUFFIX)).isEqualTo("B.A. M.Div.");
    }

    @Test
    void parsesThreeComponentGroups() {
        PersonName name = PersonName.parse("Yamada^Tarou=山田^太郎=やまだ^たろう");

        assertThat(name.get(Group.ALPHABETIC, Component.FAMILY)).isEqualTo("Yamada");
        assertThat(name.get(Group.IDEOGRAPHIC, Component.GIVEN)).isEqualTo("太郎");
        assertThat(name.get(Group.PHONETIC, Component.FAMILY)).isEqualTo("やまだ");
        assertThat(name.group(Group.IDEOGRAPHIC)).isEqualTo("山田^太郎");
    }

    @Test
    void formatDropsTrailingEmptyComponentsAndGroups() {
        assertThat(PersonName.parse("Doe^John^^^").format()).isEqualTo("Doe^John");
        assertThat(PersonName.parse("Wang^XiaoDong=王^小东=").format())
                .isEqualTo("Wang^XiaoDong=王^小东");
        assertThat(PersonName.parse("Doe^^^^==").format()).isEqualTo("Doe");
        assertThat(PersonName.parse("=山田^太郎").format()).isEqualTo("=山田^太郎");
    }

    @Test
    void formatKeepsALeadingEmptyFamilyName() {
        PersonName name = PersonName.of(null, "Jane");

        assertThat(name.format()).isEqualTo("^Jane");
        assertThat(PersonName.parse("^Jane").get(Component.GIVEN)).isEqualTo("Jane");
    }

    @Test
    void builtNamesFormatAsTheStandardOrdersComponents() {
        PersonName name = PersonName.of("Morrison-Jones", "Susan")
                .with(Component.SUFFIX, "Ph.D.")
                .with(Group.IDEOGRAPHIC, Component.FAMILY, "森");

        assertThat(name.format()).isEqualTo("Morrison-Jones^Susan^^^Ph.D.=森");
        assertThat(PersonName.parse(name.format())).isEqualTo(name);
    }

    @Test
    void emptyAndNullValuesAreEmptyNames() {
        assertThat(PersonName.parse("").isEmpty()).isTrue();
        assertThat(PersonName.parse(null).isEmpty()).isTrue();
        assertThat(PersonName.parse("^^=").isEmpty()).isTrue();
        assertThat(PersonName.empty().format()).isEmpty();
    }

    @Test
    void tooManyGroupsOrComponentsAreRejected() {
        assertThatThrownBy(() -> PersonName.parse("A=B=C=D"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groups");
        assertThatThrownBy(() -> PersonName.parse("A^B^C^D^E^F"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("components");
        assertThatThrownBy(() -> PersonName.parse("DOE^JANE\\DOE^J"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void groupsLongerThan64CharactersFailTheLengthCheck() {
        String family = "A".repeat(60);
        PersonName fits = PersonName.of(family, "BCD");
        PersonName tooLong = PersonName.of(family, "BCDE");

        assertThat(fits.checkLength()).isSameAs(fits);
        assertThatThrownBy(tooLong::checkLength)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alphabetic").hasMessageContaining("65")
                .hasMessageNotContaining(family);
    }

    @Test
    void toStringNamesNoComponent() {
        assertThat(PersonName.parse("DOE^JANE").toString()).doesNotContain("DOE", "JANE");
    }
}
