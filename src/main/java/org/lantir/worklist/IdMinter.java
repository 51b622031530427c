package org.lantir.worklist;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import org.lantir.dicom.data.UID;

/**
 * Mints the identifiers a worklist row needs when its source gives none (C12): Requested
 * Procedure ID, Scheduled Procedure Step ID and Accession Number (SH, at most 16 characters:
 * a prefix and 12 base-36 characters), and Study Instance UID under the site's root.
 *
 * <p>Stability (a re-sync must not change what a scanner already has): a value already stored
 * for the row always wins, and the caller passes the stored row. Beyond that, the three IDs of
 * a row with a source key are derived from (source, source key), so they come out the same
 * even if the store is rebuilt; the Study Instance UID is random (PS3.5 Annex B.2 form
 * under the default root) so that it is unique beyond this site, and it is kept stable by the
 * stored row. Rows made by hand get random IDs.
 */
final class IdMinter {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long SIXTY_BITS = (1L << 60) - 1;

    private final String uidRoot;

    IdMinter(String uidRoot) {
        this.uidRoot = uidRoot;
    }

    /** The row with every missing identifier filled: from {@code stored} first, else minted. */
    WorklistItem fillMissing(WorklistItem row, WorklistItem stored) {
        WorklistItem.Builder b = row.toBuilder();
        String source = row.dataSource();
        String key = row.sourceKey();
        b.requestedProcedureId(pick(row.requestedProcedureId(),
                stored == null ? null : stored.requestedProcedureId(), "RP", source, key));
        b.spsId(pick(row.spsId(), stored == null ? null : stored.spsId(), "SPS", source, key));
        b.accessionNumber(pick(row.accessionNumber(),
                stored == null ? null : stored.accessionNumber(), "ACC", source, key));
        String uid = firstPresent(row.studyInstanceUid(),
                stored == null ? null : stored.studyInstanceUid());
        b.studyInstanceUid(uid != null ? uid : newUid());
        return b.build();
    }

    /** A new UID under the site's root (PS3.5 §9.1, Annex B.2 for {@code 2.25}). */
    String newUid() {
        return UID.create(uidRoot);
    }

    private static String pick(String given, String stored, String prefix, String source,
            String key) {
        String present = firstPresent(given, stored);
        if (present != null) {
            return present;
        }
        long bits = source != null && key != null ? derived(prefix, source, key)
                : RANDOM.nextLong() & SIXTY_BITS;
        return prefix + base36(bits);
    }

    private static String firstPresent(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }

    private static long derived(String prefix, String source, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((prefix + '\0' + source + '\0' + key)
                    .getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong() & SIXTY_BITS;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static String base36(long bits) {
        String digits = BigInteger.valueOf(bits).toString(36).toUpperCase(java.util.Locale.ROOT);
        return "0".repeat(12 - digits.length()) + digits;
    }
}
