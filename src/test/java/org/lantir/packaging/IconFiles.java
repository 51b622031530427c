package org.lantir.packaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritablePixelFormat;
import javax.imageio.ImageIO;
import org.lantir.ui.AppIcon;

/**
 * Every platform's application icon, made from the one source artwork ({@code icons/lantir.svg})
 * by the same renderer the window uses ({@link AppIcon}), so installers and window never drift:
 * <ul>
 *   <li>{@code hicolor/NxN/apps/lantir.png}: the Linux icon theme sizes (freedesktop Icon
 *       Theme Specification), plus {@code lantir.png} (256), jpackage's launcher icon;</li>
 *   <li>{@code lantir.ico}: Windows, PNG-compressed entries (readable since Windows Vista);</li>
 *   <li>{@code lantir.icns}: macOS, PNG entries of the {@code icp4}..{@code ic14} types.</li>
 * </ul>
 * The files are build output ({@code target/installer/icons}), never committed.
 */
public final class IconFiles {

    /** Sizes of the hicolor theme that desktops look up for an application icon. */
    static final int[] LINUX_SIZES = {16, 22, 24, 32, 48, 64, 128, 256, 512};

    /** Windows picks from these for title bars, the taskbar, Explorer views and the desktop. */
    static final int[] WINDOWS_SIZES = {16, 20, 24, 32, 40, 48, 64, 128, 256};

    /**
     * The icns element types that hold PNG data and the pixel size of each ("@2x" types hold
     * twice the point size). Order as in Apple's own icns files: small first.
     */
    static final Map<String, Integer> MAC_TYPES = macTypes();

    static final String LAUNCHER_ICON = "lantir.png";
    static final String WINDOWS_ICON = "lantir.ico";
    static final String MAC_ICON = "lantir.icns";
    private static final int LAUNCHER_SIZE = 256;

    private final IntFunction<byte[]> png;

    /**
     * @param png the icon at a size, as PNG bytes; {@link #fromArtwork()} renders the artwork
     */
    IconFiles(IntFunction<byte[]> png) {
        this.png = png;
    }

    /** Renders {@link AppIcon}; call on the JavaFX thread. */
    static IconFiles fromArtwork() {
        return new IconFiles(size -> encodePng(AppIcon.render(size)));
    }

    /** Writes every icon file into {@code dir}; returns the files written. */
    List<Path> writeAll(Path dir) throws IOException {
        SortedMap<Integer, byte[]> rendered = new TreeMap<>();
        IntFunction<byte[]> cached = size -> rendered.computeIfAbsent(size, png::apply);
        List<Path> written = new ArrayList<>();
        for (int size : LINUX_SIZES) {
            Path file = dir.resolve("hicolor").resolve(size + "x" + size).resolve("apps")
                    .resolve(LAUNCHER_ICON);
            written.add(write(file, cached.apply(size)));
        }
        written.add(write(dir.resolve(LAUNCHER_ICON), cached.apply(LAUNCHER_SIZE)));
        written.add(write(dir.resolve(WINDOWS_ICON), ico(sizes(WINDOWS_SIZES, cached))));
        written.add(write(dir.resolve(MAC_ICON), icns(cached)));
        return written;
    }

    private static Map<Integer, byte[]> sizes(int[] sizes, IntFunction<byte[]> png) {
        Map<Integer, byte[]> images = new LinkedHashMap<>();
        for (int size : sizes) {
            images.put(size, png.apply(size));
        }
        return images;
    }

    private static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /**
     * A Windows icon file: ICONDIR (reserved 0, type 1, count), one 16-byte ICONDIRENTRY per
     * image (width and height 0 meaning 256, 32 bits per pixel, size and offset of the data),
     * then the PNG streams. Little-endian throughout.
     */
    static byte[] ico(Map<Integer, byte[]> pngBySize) {
        int count = pngBySize.size();
        int offset = 6 + 16 * count;
        int total = offset + pngBySize.values().stream().mapToInt(b -> b.length).sum();
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort((short) 0).putShort((short) 1).putShort((short) count);
        for (Map.Entry<Integer, byte[]> image : pngBySize.entrySet()) {
            int size = image.getKey();
            if (size > 256) {
                throw new IllegalArgumentException("an .ico image is at most 256 pixels: " + size);
            }
            out.put((byte) (size == 256 ? 0 : size)).put((byte) (size == 256 ? 0 : size));
            out.put((byte) 0).put((byte) 0);
            out.putShort((short) 1).putShort((short) 32);
            out.putInt(image.getValue().length).putInt(offset);
            offset += image.getValue().length;
        }
        pngBySize.values().forEach(out::put);
        return out.array();
    }

    /**
     * A macOS icon file: the magic {@code icns} and the file length, then per element its
     * four-character type, its length (header included) and the PNG. Big-endian.
     */
    static byte[] icns(IntFunction<byte[]> png) {
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> type : MAC_TYPES.entrySet()) {
            byte[] data = png.apply(type.getValue());
            elements.writeBytes(type.getKey().getBytes(StandardCharsets.US_ASCII));
            elements.writeBytes(ByteBuffer.allocate(4).putInt(8 + data.length).array());
            elements.writeBytes(data);
        }
        ByteBuffer out = ByteBuffer.allocate(8 + elements.size());
        out.put("icns".getBytes(StandardCharsets.US_ASCII)).putInt(8 + elements.size());
        out.put(elements.toByteArray());
        return out.array();
    }

    private static Map<String, Integer> macTypes() {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("ic11", 32);
        types.put("icp5", 32);
        types.put("ic12", 64);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic13", 256);
        types.put("ic08", 256);
        types.put("ic14", 512);
        types.put("ic09", 512);
        types.put("ic10", 1024);
        return Collections.unmodifiableMap(types);
    }

    /** PNG bytes of a JavaFX image, through AWT's encoder (no javafx.swing needed). */
    static byte[] encodePng(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        PixelReader reader = image.getPixelReader();
        reader.getPixels(0, 0, width, height, WritablePixelFormat.getIntArgbInstance(), argb, 0,
                width);
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        buffered.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(buffered, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
