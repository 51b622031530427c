package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"admin", "mri.tech", "j_doe-2", "kiosk@site", "abc",
        "a2345678901234567890123456789012345678901234567890"})
    void acceptsUsernames(String username) throws UserException {
        assertThat(AccountRules.username(" " + username + " ")).isEqualTo(username);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "a23456789012345678901234567890123456789012345678901",
        "has space", ".dot", "-dash", "naïve", "semi;colon", "quote'"})
    void refusesUsernamesNamingTheField(String username) {
        assertThatThrownBy(() -> AccountRules.username(username))
                .isInstanceOfSatisfying(UserException.class, e -> {
                    assertThat(e.reason()).isEqualTo(UserException.Reason.INVALID_FIELD);
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.getMessage()).startsWith("username: ");
                });
    }

    @Test
    void usernameIsRequired() {
        assertThatThrownBy(() -> AccountRules.username(null)).hasMessage("username: required");
        assertThatThrownBy(() -> AccountRules.username("  ")).hasMessage("username: required");
    }

    @Test
    void newPasswordsNeedTwelveCharacters() throws UserException {
        AccountRules.newPassword("twelve chars".toCharArray(), "admin");

        assertThatThrownBy(() -> AccountRules.newPassword("eleven char".toCharArray(), "admin"))
                .hasMessage("password: must be at least 12 characters long")
                .satisfies(e -> assertThat(((UserException) e).field()).isEqualTo("password"));
        assertThatThrownBy(() -> AccountRules.newPassword(new char[0], "admin"))
                .hasMessage("password: required");
        assertThatThrownBy(() -> AccountRules.newPassword(null, "admin"))
                .hasMessage("password: required");
    }

    @Test
    void passwordsOverSeventyTwoBytesAreRefusedNotTruncated() throws UserException {
        AccountRules.newPassword("x".repeat(72).toCharArray(), "admin");
        String secret = "y".repeat(73);

        assertThatThrownBy(() -> AccountRules.newPassword(secret.toCharArray(), "admin"))
                .hasMessageContaining("password: must be at most 72 bytes")
                .hasMessageNotContaining(secret);
    }

    @Test
    void passwordBytesAreCountedInUtf8() throws UserException {
        // 24 characters of two bytes each: 48 bytes, fine.
        AccountRules.newPassword("é".repeat(24).toCharArray(), "admin");
        // 25 characters of three bytes each: 75 bytes, although only 25 characters.
        assertThatThrownBy(() -> AccountRules.newPassword("€".repeat(25).toCharArray(), "admin"))
                .hasMessageContaining("72 bytes");
    }

    @Test
    void passwordsMustNotBeTheUsernameNorHoldControlCharacters() {
        assertThatThrownBy(() -> AccountRules.newPassword("Radiographer1".toCharArray(),
                "radiographer1")).hasMessage("password: must not be the username");
        assertThatThrownBy(() -> AccountRules.newPassword("tab\tinside password".toCharArray(),
                "admin")).hasMessage("password: must not hold control characters");
    }

    @Test
    void emailIsOptionalButMustLookLikeOne() throws UserException {
        assertThat(AccountRules.email(null)).isNull();
        assertThat(AccountRules.email("  ")).isNull();
        assertThat(AccountRules.email(" a@b.org ")).isEqualTo("a@b.org");
        assertThatThrownBy(() -> AccountRules.email("not-an-address"))
                .hasMessageStartingWith("email: ");
        assertThatThrownBy(() -> AccountRules.email("a@b@c")).hasMessageStartingWith("email: ");
        assertThatThrownBy(() -> AccountRules.email("x".repeat(95) + "@b.org"))
                .hasMessage("email: must be at most 100 characters long");
    }

    @Test
    void fullNameIsOptionalAndBounded() throws UserException {
        assertThat(AccountRules.fullName("")).isNull();
        assertThat(AccountRules.fullName(" Tess Fictional ")).isEqualTo("Tess Fictional");
        assertThatThrownBy(() -> AccountRules.fullName("x".repeat(101)))
                .hasMessage("full_name: must be at most 100 characters long");
        assertThatThrownBy(() -> AccountRules.fullName("line\nbreak"))
                .hasMessage("full_name: must not hold control characters");
    }

    @Test
    void randomPasswordsAreLongReadableAndFollowTheRules() throws UserException {
        String first = RandomPasswords.generate();
        for (int i = 0; i < 200; i++) {
            String password = RandomPasswords.generate();
            assertThat(password).hasSize(23).matches("([A-HJ-NP-Za-km-z2-9]{5}-){3}"
                    + "[A-HJ-NP-Za-km-z2-9]{5}");
            AccountRules.newPassword(password.toCharArray(), "admin");
        }
        assertThat(RandomPasswords.generate()).isNotEqualTo(first);
    }
}
