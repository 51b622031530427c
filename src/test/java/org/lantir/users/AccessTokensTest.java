package org.lantir.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.lantir.sync.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {

    static final Instant NOW = Instant.parse("2026-03-02T08:15:30Z");
    static final UserAccount TECH = new UserAccount(7, "mri.tech", null, null, Role.WRITE, true,
            NOW, null, 3);

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);
    Path secretFile;
    AccessTokens tokens;

    @BeforeEach
    void open() {
        secretFile = AccessTokens.secretFileFor(dir.resolve("users.db"));
        tokens = AccessTokens.open(secretFile, Duration.ofMinutes(30), Duration.ofHours(8),
                clock);
    }

    @Test
    void aTokenCarriesTheAccountAndItsLifetime() throws Exception {
        String token = tokens.issue(TECH, Duration.ofMinutes(45));

        TokenClaims claims = tokens.verify(token);

        assertThat(claims).isEqualTo(new TokenClaims("mri.tech", NOW,
                NOW.plus(Duration.ofMinutes(45)), 7, 3));
        assertThat(JWT.decode(token).getAlgorithm()).isEqualTo("HS256");
        assertThat(JWT.decode(token).getIssuer()).isEqualTo("lantir");
        assertThat(tokens.verify(tokens.issue(TECH)).expiresAt())
                .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(tokens.defaultLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(tokens.maxLifetime()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void expiresWithTheClock() throws Exception {
        String token = tokens.issue(TECH, Duration.ofMinutes(30));

        clock.advance(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(tokens.verify(token).username()).isEqualTo("mri.tech");

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.expired()).isTrue())
                .hasMessageNotContaining(token);
    }

    @Test
    void lifetimesOutsideTheSitesBoundsAreRefused() {
        assertThatThrownBy(() -> tokens.issue(TECH, Duration.ofHours(8).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum");
        assertThatThrownBy(() -> tokens.issue(TECH, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue(TECH, Duration.ofMinutes(-5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(tokens.issue(TECH, Duration.ofHours(8))).isNotBlank();
        assertThatThrownBy(() -> AccessTokens.open(secretFile, Duration.ofHours(9),
                Duration.ofHours(8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokens.open(secretFile, Duration.ZERO,
                Duration.ofHours(8))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTamperedTokenIsRefused() throws Exception {
        String token = tokens.issue(TECH, Duration.ofMinutes(30));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]),
                StandardCharsets.UTF_8).replace("\"mri.tech\"", "\"admin\"");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        char[] signature = parts[2].toCharArray();
        signature[3] = signature[3] == 'A' ? 'B' : 'A';
        String badSignature = parts[0] + "." + parts[1] + "." + new String(signature);

        assertRefused(forged, "signature");
        assertRefused(badSignature, "signature");
    }

    @Test
    void algorithmNoneIsRefused() {
        String none = JWT.create().withIssuer("lantir").withSubject("admin")
                .withIssuedAt(Date.from(NOW)).withExpiresAt(Date.from(NOW.plusSeconds(600)))
                .withClaim("uid", 1L).withClaim("ver", 0).sign(Algorithm.none());

        assertRefused(none, "HS256");
    }

    @Test
    void anotherKeyOrAnotherIssuerIsRefused() {
        AccessTokens elsewhere = AccessTokens.open(dir.resolve("other.jwt-secret"),
                Duration.ofMinutes(30), Duration.ofHours(8), clock);
        byte[] key = Files.exists(secretFile) ? readKey(secretFile) : new byte[0];
        String otherIssuer = JWT.create().withIssuer("pylantir").withSubject("mri.tech")
                .withIssuedAt(Date.from(NOW)).withExpiresAt(Date.from(NOW.plusSeconds(600)))
                .withClaim("uid", 7L).withClaim("ver", 3).sign(Algorithm.HMAC256(key));
        String noAccountId = JWT.create().withIssuer("lantir").withSubject("mri.tech")
                .withIssuedAt(Date.from(NOW)).withExpiresAt(Date.from(NOW.plusSeconds(600)))
                .sign(Algorithm.HMAC256(key));
        String noExpiry = JWT.create().withIssuer("lantir").withSubject("mri.tech")
                .withIssuedAt(Date.from(NOW)).withClaim("uid", 7L).withClaim("ver", 3)
                .sign(Algorithm.HMAC256(key));

        assertRefused(elsewhere.issue(TECH, Duration.ofMinutes(5)), "signature");
        assertRefused(otherIssuer, "not issued by this Lantir");
        assertRefused(noAccountId, "not issued by this Lantir");
        assertRefused(noExpiry, "not issued by this Lantir");
        assertRefused("not-a-token", "malformed");
        assertRefused("a.b.c", "malformed");
        assertRefused("", "no access token");
        assertRefused(null, "no access token");
    }

    @Test
    void theSecretIsMadeOnceOwnerOnlyAndReused() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        String token = tokens.issue(TECH, Duration.ofMinutes(30));

        assertThat(secretFile).isEqualTo(dir.resolve("users.db.jwt-secret").toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                .isEqualTo("rw-------");
        assertThat(readKey(secretFile)).hasSizeGreaterThanOrEqualTo(32);

        AccessTokens reopened = AccessTokens.open(secretFile, Duration.ofMinutes(30),
                Duration.ofHours(8), clock);
        assertThat(reopened.verify(token).username()).isEqualTo("mri.tech");
    }

    @Test
    void aSecretFileWithWiderPermissionsIsNarrowed() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-r--r--"));

        AccessTokens.open(secretFile, Duration.ofMinutes(30), Duration.ofHours(8), clock);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secretFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void aDamagedSecretFileIsRefusedWithoutQuotingIt() throws Exception {
        Path damaged = dir.resolve("damaged.jwt-secret");
        Files.writeString(damaged, "c2hvcnQ=\n");
        Path garbage = dir.resolve("garbage.jwt-secret");
        Files.writeString(garbage, "%%% not base64 %%%\n");

        assertThatThrownBy(() -> AccessTokens.open(damaged, Duration.ofMinutes(30),
                Duration.ofHours(8))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("too short").hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> AccessTokens.open(garbage, Duration.ofMinutes(30),
                Duration.ofHours(8))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged").hasMessageNotContaining("not base64");
    }

    @Test
    void toStringDoesNotShowTheKey() {
        String key = Base64.getEncoder().encodeToString(readKey(secretFile));

        assertThat(tokens.toString()).doesNotContain(key).contains("HS256");
    }

    private void assertRefused(String token, String why) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.expired()).isFalse())
                .hasMessageContaining(why);
    }

    private static byte[] readKey(Path file) {
        try {
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
