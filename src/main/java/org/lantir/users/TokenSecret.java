package org.lantir.users;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installation's token signing key: {@value #BYTES} bytes from {@link SecureRandom},
 * Base64 in a file readable and writable by its owner only ({@code rw-------}; on Windows an
 * ACL granting the owner alone). Made at first use; a file found with wider permissions is
 * narrowed (with a warning naming the file, never its content).
 */
final class TokenSecret {

    /** 512 bits: twice what HS256 needs, at no cost. */
    static final int BYTES = 64;
    /** A file with fewer bytes was not written by Lantir; refused rather than used. */
    static final int MIN_BYTES = 32;
    static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private static final Logger LOG = LoggerFactory.getLogger(TokenSecret.class);
    /** Another process may have created the file a moment ago and still be writing it. */
    private static final int READ_ATTEMPTS = 20;

    private TokenSecret() {
    }

    static byte[] loadOrCreate(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            if (!Files.exists(absolute)) {
                byte[] created = tryCreate(absolute);
                if (created != null) {
                    LOG.info("Made a new token signing key in {}", absolute);
                    return created;
                }
            }
            restrictToOwner(absolute, true);
            return read(absolute);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or make the token signing key "
                    + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The new secret, or null when another process created the file first. */
    private static byte[] tryCreate(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            if (isPosix(file)) {
                FileAttribute<Set<PosixFilePermission>> ownerOnly =
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY);
                Files.createFile(file, ownerOnly);
            } else {
                Files.createFile(file);
                restrictToOwner(file, false);
            }
        } catch (FileAlreadyExistsException e) {
            return null;
        }
        Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        return secret;
    }

    private static byte[] read(Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty() || attempt == READ_ATTEMPTS) {
                return decode(file, text);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the key file", e);
            }
        }
    }

    private static byte[] decode(Path file, String text) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The token signing key " + file + " is damaged (not "
                    + "Base64); delete it to make a new one (existing tokens end)");
        }
        if (secret.length < MIN_BYTES) {
            throw new IllegalStateException("The token signing key " + file + " is too short ("
                    + secret.length + " bytes, at least " + MIN_BYTES + "); delete it to make a "
                    + "new one (existing tokens end)");
        }
        return secret;
    }

    private static void restrictToOwner(Path file, boolean warnIfWider) throws IOException {
        if (isPosix(file)) {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
            if (!now.equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
                if (warnIfWider) {
                    LOG.warn("The token signing key {} had permissions {}; narrowed to rw-------",
                            file, PosixFilePermissions.toString(now));
                }
            }
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(file, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(file);
            acl.setAcl(List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW)
                    .setPrincipal(owner).setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .build()));
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
