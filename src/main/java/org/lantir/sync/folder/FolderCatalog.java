package org.lantir.sync.folder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.lantir.sync.SourceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one folder as a source reads them, remembered from scan to scan so that an
 * unchanged file is not read again: a file whose modification time and size are as before is
 * taken from memory; one whose time or size changed is read and its SHA-256 compared, and
 * only new content is parsed again ({@link FileFormat}). A file gone from the folder is gone
 * from the scan.
 *
 * <p>A file modified less than {@code settle} ago may still be being written (a copy in
 * progress, an editor saving): its previous version counts until it has been quiet that long,
 * and a new file waits. Names starting with a dot (editors' lock and temporary files) are
 * never read. A file that cannot be read (no permission, an I/O error) fails the scan, so a
 * run applies nothing rather than drop the file's rows; one that is too large, or whose
 * content is unreadable, gives a reason and keeps the rows its last readable version gave
 * (see {@link FileRows#keeping}).
 *
 * <p>Not thread-safe: one source thread (or one import) uses it.
 */
final class FolderCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FolderCatalog.class);

    private final String owner;
    private final Path folder;
    private final Predicate<String> fileNames;
    private final FileFormat format;
    private final Duration settle;
    private final Clock clock;
    private Map<String, Entry> known = Map.of();
    /** Files whose content was read in the scan under way, for its one INFO line. */
    private int readThisScan;

    /**
     * @param owner what reads the folder, for messages, e.g. {@code CSV folder source 'x'}
     * @param fileNames which file names (not paths) of the folder to read
     */
    FolderCatalog(String owner, Path folder, Predicate<String> fileNames, FileFormat format,
            Duration settle, Clock clock) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.folder = Objects.requireNonNull(folder, "folder");
        this.fileNames = Objects.requireNonNull(fileNames, "fileNames");
        this.format = Objects.requireNonNull(format, "format");
        this.settle = Objects.requireNonNull(settle, "settle");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How a file was when it was read. */
    record Fingerprint(long modifiedMillis, long size, String sha256) {
    }

    /** One file as last read. */
    record Entry(Fingerprint fingerprint, FileRows rows) {
    }

    /** The folder's files by name, in name order. */
    record Snapshot(SortedMap<String, Entry> files) {

        Snapshot {
            files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        }

        /** Whether both hold the same files with the same content. */
        boolean sameContent(Snapshot other) {
            if (!files.keySet().equals(other.files.keySet())) {
                return false;
            }
            for (Map.Entry<String, Entry> file : files.entrySet()) {
                String mine = file.getValue().fingerprint().sha256();
                if (!mine.equals(other.files.get(file.getKey()).fingerprint().sha256())) {
                    return false;
                }
            }
            return true;
        }
    }

    Path folder() {
        return folder;
    }

    /**
     * Looks at the folder now.
     *
     * @throws SourceException when the folder or one of its files cannot be read; retryable,
     *         as a share may be mounted or a permission fixed
     */
    Snapshot scan() throws SourceException {
        if (!Files.isDirectory(folder)) {
            throw new SourceException(owner + ": the folder " + folder + " does not exist or "
                    + "is not a folder", true);
        }
        Instant quietSince = clock.instant().minus(settle);
        Map<String, Entry> seen = new HashMap<>();
        readThisScan = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && fileNames.test(name)) {
                    Entry entry = look(file, name, quietSince);
                    if (entry != null) {
                        seen.put(name, entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new SourceException(owner + ": the folder " + folder + " cannot be read ("
                    + e.getClass().getSimpleName() + ")", true, e);
        }
        int gone = (int) known.keySet().stream().filter(name -> !seen.containsKey(name))
                .count();
        if (readThisScan + gone > 0) {
            LOG.info("{}: {} file(s) read, {} gone; {} file(s) in {}", owner, readThisScan, gone,
                    seen.size(), folder);
        }
        known = seen;
        return new Snapshot(new TreeMap<>(seen));
    }

    /** The file as it is now, or null when it is gone or is new and not yet quiet. */
    private Entry look(Path file, String name, Instant quietSince) throws SourceException {
        Entry before = known.get(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        long size = attributes.size();
        if (before != null && before.fingerprint().modifiedMillis() == modified
                && before.fingerprint().size() == size) {
            return before;
        }
        if (!settle.isZero() && attributes.lastModifiedTime().toInstant().isAfter(quietSince)) {
            LOG.debug("{}: {} changed less than {} s ago; read at a later run", owner, name,
                    settle.toSeconds());
            return before;
        }
        return read(file, name, modified, size, before);
    }

    private Entry read(Path file, String name, long modified, long size, Entry before)
            throws SourceException {
        if (size > format.maxFileBytes()) {
            String sizeMark = "size:" + size;
            return changed(name, new Fingerprint(modified, size, sizeMark),
                    FileRows.unreadable(name, name + ": " + size + " bytes, more than the "
                            + (format.maxFileBytes() >> 20) + " MiB a file may have"), before);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException e) {
            throw unreadable(name, e);
        }
        Fingerprint fingerprint = new Fingerprint(modified, size, sha256(content));
        if (before != null && before.fingerprint().sha256().equals(fingerprint.sha256())) {
            // Touched, not changed: what was read stands.
            return new Entry(fingerprint, before.rows());
        }
        return changed(name, fingerprint, format.read(name, content), before);
    }

    private Entry changed(String name, Fingerprint fingerprint, FileRows rows, Entry before) {
        FileRows kept = rows.unreadable() && before != null ? rows.keeping(before.rows())
                : rows;
        LOG.debug("{}: read {}: {} row(s), {} skipped", owner, name, kept.rows().size(),
                kept.skips().size());
        readThisScan++;
        kept.notes().forEach(note -> LOG.warn("{}: {}", owner, note));
        kept.skips().forEach(skip -> LOG.warn("{}: skipped {}", owner, skip.reason()));
        if (!kept.keptKeys().isEmpty()) {
            // Kept keys are the rows and the keyed skipped items of the version before.
            int rowsBefore = before.rows().rows().size() + before.rows().keptKeys().size();
            LOG.warn("{}: {} stays as it was read before ({} row(s)) until it can be read",
                    owner, name, rowsBefore);
        }
        return new Entry(fingerprint, kept);
    }

    private SourceException unreadable(String name, IOException e) {
        return new SourceException(owner + ": " + name + " cannot be read ("
                + e.getClass().getSimpleName() + "); nothing changes until it can", true, e);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
