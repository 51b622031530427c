package org.lantir.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lantir.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a second Lantir off a worklist database a running one uses: an exclusive lock on the
 * sibling file {@code <database>.lock}, which also holds the owner's process ID for the
 * message the second one prints. The operating system drops the lock when the process ends,
 * however it ends, so a crash leaves no stale lock; the file itself stays (removing it on
 * close would let two processes lock two different files of the same name).
 *
 * <p>The lock covers one byte past the process ID, not the ID itself: Windows locks are
 * mandatory, and the second process must still be able to read who holds it.
 */
public final class InstanceLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceLock.class);

    /** The locked byte; the process ID is written before it. */
    private static final long LOCK_POSITION = 64;

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code database}: {@code worklist.db} → {@code worklist.db.lock}. */
    public static Path lockFile(Path database) {
        Path absolute = database.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code database} for this process.
     *
     * @throws DatabaseInUseException when another Lantir (another process, or another
     *         instance in this one) holds it
     * @throws StoreException when the lock file cannot be written
     */
    public static InstanceLock acquire(Path database) {
        Path file = lockFile(database);
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                Long owner = readOwner(channel);
                channel.close();
                throw new DatabaseInUseException(database.toAbsolutePath(), owner);
            }
            writeOwner(channel, ProcessHandle.current().pid());
            LOG.debug("Instance lock taken: {}", file);
            return new InstanceLock(file, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null when another process holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException heldHere) {
            // This JVM already holds it: another Lantir instance in this process.
            return null;
        }
    }

    private static void writeOwner(FileChannel channel, long pid) throws IOException {
        byte[] text = (pid + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
    }

    /** The process ID written by the holder, or null when it cannot be read. */
    private static Long readOwner(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate((int) LOCK_POSITION);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(),
                    StandardCharsets.US_ASCII).trim();
            return text.isEmpty() ? null : Long.valueOf(text);
        } catch (IOException | NumberFormatException unreadable) {
            return null;
        }
    }

    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            LOG.debug("Releasing {} failed: {}", file, e.toString());
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing also drops the lock; nothing else to do.
        }
    }
}
