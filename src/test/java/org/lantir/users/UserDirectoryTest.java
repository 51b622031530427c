package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    static final char[] ADMIN_PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    UserDirectory users;

    @BeforeEach
    void open() {
        users = UserDirectory.open(dir.resolve("users.db"), Clock.fixed(NOW, ZoneOffset.UTC), 10);
    }

    @AfterEach
    void close() {
        users.close();
    }

    @Test
    void firstStartCreatesAnAdminWithARandomPasswordShownOnce() {
        Optional<String> password = users.ensureAdmin(Map.of());

        assertThat(password).hasValueSatisfying(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(16)
                .matches("[A-HJ-NP-Za-km-z2-9-]+"));
        assertThat(users.list()).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("admin");
            assertThat(a.role()).isEqualTo(Role.ADMIN);
            assertThat(a.active()).isTrue();
            assertThat(a.createdAt()).isEqualTo(NOW);
        });
        assertThat(users.login("admin", password.get().toCharArray(), "127.0.0.1"))
                .isInstanceOf(LoginResult.Accepted.class);
        assertThat(users.ensureAdmin(Map.of())).isEmpty();
        assertThat(users.list()).hasSize(1);
    }

    @Test
    void createUpdateDelete() throws Exception {
        users.ensureAdmin(Map.of(UserDirectory.ADMIN_PASSWORD_ENV, new String(ADMIN_PASSWORD)));

        UserAccount tech = users.create(new NewUser("mri.tech", "a long enough secret".toCharArray(),
                Role.WRITE, "tech@example.org", "Tess Fictional"), "admin");
        assertThat(tech.role()).isEqualTo(Role.WRITE);
        assertThat(tech.email()).isEqualTo("tech@example.org");

        UserAccount changed = users.update(tech.id(), new UserChanges(null, "", null, Role.READ,
                null), "admin");
        assertThat(changed.role()).isEqualTo(Role.READ);
        assertThat(changed.fullName()).isNull();
        assertThat(changed.email()).isEqualTo("tech@example.org");

        users.delete(tech.id(), "admin");
        assertThat(users.find(tech.id())).isEmpty();
        assertThatThrownBy(() -> users.delete(tech.id(), "admin"))
                .isInstanceOfSatisfying(UserException.class,
                        e -> assertThat(e.reason()).isEqualTo(UserException.Reason.NOT_FOUND));
    }
}
