package org.lantir.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The platform icons the installer build writes: every size exact, drawn from the artwork
 * (its transparent margin and its opaque badge where the SVG has them), and the {@code .ico}
 * and {@code .icns} containers laid out as Windows and macOS read them.
 */
class IconFilesTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void renderTheIcons() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> IconFiles.fromArtwork().writeAll(dir)).get();
    }

    @Test
    void everyHicolorSizeIsExactlyThatSize() throws IOException {
        for (int size : IconFiles.LINUX_SIZES) {
            BufferedImage png = read(Files.readAllBytes(
                    dir.resolve("hicolor/" + size + "x" + size + "/apps/lantir.png")));

            assertThat(png.getWidth()).as("width of %d", size).isEqualTo(size);
            assertThat(png.getHeight()).as("height of %d", size).isEqualTo(size);
        }
        assertThat(read(Files.readAllBytes(dir.resolve("lantir.png"))).getWidth()).isEqualTo(256);
    }

    @Test
    void theIconIsTheArtworkWithItsMarginAndBadge() throws IOException {
        BufferedImage png =
                read(Files.readAllBytes(dir.resolve("hicolor/512x512/apps/lantir.png")));

        // lantir.svg: a rounded badge from 16 to 496 filled #1f3b57, nothing outside it.
        assertThat(png.getRGB(4, 4) >>> 24).as("alpha in the margin").isZero();
        assertThat(png.getRGB(60, 256) & 0xFFFFFFFF).as("the badge").isEqualTo(0xFF1F3B57);
        // The worklist line's stroke (#7fb3d5) at y=408.
        assertThat(png.getRGB(200, 408) & 0xFFFFFF).isEqualTo(0x7FB3D5);
    }

    @Test
    void theWindowsIconHoldsEverySizeAsPng() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("lantir.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);

        assertThat(ico.getShort(0)).as("reserved").isZero();
        assertThat(ico.getShort(2)).as("type: icon").isEqualTo((short) 1);
        int count = ico.getShort(4);
        assertThat(count).isEqualTo(IconFiles.WINDOWS_SIZES.length);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int declared = ico.get(entry) == 0 ? 256 : Byte.toUnsignedInt(ico.get(entry));
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            BufferedImage png = read(Arrays.copyOfRange(ico.array(), offset, offset + length));

            assertThat(png.getWidth()).isEqualTo(declared);
            assertThat(ico.getShort(entry + 6)).as("bits per pixel").isEqualTo((short) 32);
            sizes.add(declared);
        }
        assertThat(sizes).containsExactly(
                Arrays.stream(IconFiles.WINDOWS_SIZES).boxed().toArray(Integer[]::new));
    }

    @Test
    void theMacIconHoldsEveryTypeAtItsPixelSize() throws IOException {
        byte[] bytes = Files.readAllBytes(dir.resolve("lantir.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes);

        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).as("file length").isEqualTo(bytes.length);
        Map<String, Integer> found = new LinkedHashMap<>();
        int at = 8;
        while (at < bytes.length) {
            String type = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            int length = icns.getInt(at + 4);
            found.put(type, read(Arrays.copyOfRange(bytes, at + 8, at + length)).getWidth());
            at += length;
        }
        assertThat(at).isEqualTo(bytes.length);
        assertThat(found).isEqualTo(IconFiles.MAC_TYPES);
    }

    @Test
    void anIcoImageOver256PixelsIsRefused() {
        Map<Integer, byte[]> tooLarge = Map.of(512, new byte[] {1});

        assertThatThrownBy(() -> IconFiles.ico(tooLarge))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("512");
    }

    private static BufferedImage read(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a readable PNG").isNotNull();
        return image;
    }
}
