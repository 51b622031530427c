package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.lantir.dicom.data.Bytes.concat;
import static org.lantir.dicom.data.Bytes.hex;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Malformed input never escapes as anything but a {@link DicomFormatException}, and never
 * hangs: truncation at every byte, garbage lengths, delimiters in the wrong place, nesting
 * bombs and random bytes. The timeouts guard hangs only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DicomReaderRobustnessTest {

    private static final TransferSyntax IMPLICIT = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    private static final TransferSyntax EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    @Test
    void everyTruncationOfTheImplicitQueryFailsOrEndsOnAnElementBoundary() throws Exception {
        byte[] full = DicomCodecFixtureTest.IMPLICIT_QUERY;
        int[] boundaries = DicomCodecFixtureTest.IMPLICIT_QUERY_BOUNDARIES;
        Dataset expected = DicomCodecFixtureTest.expectedQuery();

        for (int cut = 0; cut < full.length; cut++) {
            byte[] truncated = Arrays.copyOf(full, cut);
            int boundary = Arrays.binarySearch(boundaries, cut);
            if (boundary >= 0) {
                // Without a length around it, a data set cut between elements is a shorter
                // but valid data set: it must hold exactly the elements before the cut.
                Dataset prefix = DicomReader.read(truncated, IMPLICIT);
                assertThat(prefix.size()).as("cut at %d", cut).isEqualTo(boundary);
                assertThat(prefix.tags()).allMatch(tag -> expected.contains(tag));
            } else {
                assertFormatError(truncated, IMPLICIT, cut);
            }
        }
    }

    @Test
    void everyTruncationInsideTheExplicitQueryFails() throws Exception {
        byte[] full = DicomCodecFixtureTest.EXPLICIT_UNDEFINED_QUERY;
        // Element boundaries at top level: after (0008,0005), (0010,0010), (0010,0020),
        // the sequence (ending with its delimiter) and the last element.
        int[] boundaries = {0, 18, 38, 46, 118, full.length};

        for (int cut = 0; cut < full.length; cut++) {
            byte[] truncated = Arrays.copyOf(full, cut);
            if (Arrays.binarySearch(boundaries, cut) >= 0) {
                assertThat(DicomReader.read(truncated, EXPLICIT)).isNotNull();
            } else {
                assertFormatError(truncated, EXPLICIT, cut);
            }
        }
    }

    @Test
    void everyTruncationOfADataSetInsideASequenceFails() {
        // One top-level sequence of defined length: every cut but 0 lands inside it.
        Dataset ds = DicomCodecFixtureTest.expectedQuery();
        Dataset outer = new Dataset();
        outer.newSequence(Tag.ScheduledStepAttributesSequence).add(ds);
        for (TransferSyntax ts : TransferSyntax.values()) {
            for (boolean undefined : new boolean[] {false, true}) {
                byte[] full = DicomWriter.write(outer, ts, undefined);
                for (int cut = 1; cut < full.length; cut++) {
                    assertFormatError(Arrays.copyOf(full, cut), ts, cut);
                }
            }
        }
    }

    private static void assertFormatError(byte[] bytes, TransferSyntax ts, int cut) {
        Throwable thrown = catchThrowable(() -> DicomReader.read(bytes, ts));
        assertThat(thrown).as("%s cut at %d", ts, cut).isInstanceOf(DicomFormatException.class);
    }

    @Test
    void garbageValueLengthsAreFormatErrors() {
        // (0010,0010) with length 7FFFFFF0H, in each syntax
        assertThatThrownBy(() -> DicomReader.read(hex("10 00 10 00 F0 FF FF 7F 41 42"), IMPLICIT))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("Truncated");
        assertThatThrownBy(() -> DicomReader.read(
                hex("10 00 10 00 55 4E 00 00 F0 FF FF 7F 41 42"), EXPLICIT))
                .isInstanceOf(DicomFormatException.class);
        // (0040,0100) SQ with an Item of length 7FFFFFF0H
        assertThatThrownBy(() -> DicomReader.read(
                hex("40 00 00 01 10 00 00 00 FE FF 00 E0 F0 FF FF 7F 00 00 00 00 00 00 00 00"),
                IMPLICIT)).isInstanceOf(DicomFormatException.class);
        // (0010,0010) with undefined length: only SQ and UN may have it
        assertThatThrownBy(() -> DicomReader.read(hex("10 00 10 00 FF FF FF FF"), IMPLICIT))
                .isInstanceOf(DicomFormatException.class);
    }

    @Test
    void elementsThatOverrunTheirItemAreFormatErrors() {
        // SQ length 18, Item length 10, but the element inside claims 8 value bytes (needs 16)
        byte[] bytes = hex("40 00 00 01 12 00 00 00 FE FF 00 E0 0A 00 00 00"
                + "08 00 60 00 08 00 00 00 4D 52 41 42 43 44 45 46");

        assertThatThrownBy(() -> DicomReader.read(bytes, IMPLICIT))
                .isInstanceOf(DicomFormatException.class)
                .hasMessageContaining("in its item or sequence");
    }

    @Test
    void misplacedDelimitersAreFormatErrors() {
        byte[] itemDelimiterAtTop = hex("FE FF 0D E0 00 00 00 00");
        byte[] sequenceDelimiterInDefinedSequence = hex(
                "40 00 00 01 08 00 00 00 FE FF DD E0 00 00 00 00");
        byte[] delimiterWithLength = hex(
                "40 00 00 01 FF FF FF FF FE FF DD E0 04 00 00 00");
        byte[] notAnItem = hex("40 00 00 01 08 00 00 00 10 00 10 00 00 00 00 00");
        byte[] unterminatedItem = hex("40 00 00 01 FF FF FF FF FE FF 00 E0 FF FF FF FF");

        for (byte[] bytes : new byte[][] {itemDelimiterAtTop, sequenceDelimiterInDefinedSequence,
            delimiterWithLength, notAnItem, unterminatedItem}) {
            assertFormatError(bytes, IMPLICIT, bytes.length);
        }
    }

    @Test
    void invalidExplicitVrCodeIsAFormatError() {
        assertThatThrownBy(() -> DicomReader.read(hex("10 00 10 00 00 00 00 00"), EXPLICIT))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("VR");
    }

    @Test
    void deeplyNestedSequencesAreRefusedNotAStackOverflow() {
        byte[] level = hex("40 00 00 01 FF FF FF FF FE FF 00 E0 FF FF FF FF");
        byte[][] levels = new byte[5000][];
        Arrays.fill(levels, level);

        assertThatThrownBy(() -> DicomReader.read(concat(levels), IMPLICIT))
                .isInstanceOf(DicomFormatException.class).hasMessageContaining("nested");
    }

    @Test
    void randomBytesNeverRaiseAnythingButFormatErrors() {
        Random random = new Random(2025);
        byte[] seed = DicomCodecFixtureTest.EXPLICIT_UNDEFINED_QUERY;
        for (int run = 0; run < 5000; run++) {
            byte[] bytes = run % 2 == 0 ? new byte[random.nextInt(64)] : seed.clone();
            if (run % 2 == 0) {
                random.nextBytes(bytes);
            } else {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            for (TransferSyntax ts : TransferSyntax.values()) {
                Throwable thrown = catchThrowable(() -> DicomReader.read(bytes, ts));
                if (thrown != null) {
                    assertThat(thrown).isInstanceOf(DicomFormatException.class);
                }
            }
        }
    }
}
