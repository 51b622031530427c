package org.lantir.dicom.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lantir.dicom.data.Bytes.hex;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Character sets of PS3.5 §6.1 and PS3.3 C.12.1.1.2, against the encoded examples of PS3.5
 * Annexes H (Japanese), I (Korean), J and K (Chinese) and single-byte samples. All names are
 * the standard's examples or fictional.
 */
class SpecificCharacterSetTest {

    private static String decode(SpecificCharacterSet cs, byte[] bytes, VR vr) {
        return cs.decode(bytes, 0, bytes.length, vr);
    }

    private static void assertRoundTrip(SpecificCharacterSet cs, byte[] bytes, VR vr,
            String text) {
        assertThat(decode(cs, bytes, vr)).isEqualTo(text);
        assertThat(cs.encode(text, vr)).isEqualTo(bytes);
        assertThat(cs.canEncode(text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"''", "ISO_IR 100", "ISO_IR 144", "ISO_IR 166", "ISO_IR 192", "GB18030"})
    void asciiIsWrittenAsItselfInEverySetWithoutCodeExtensions(String term) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(term);

        assertThat(cs.encode("DOE^JOHN 0123 ~\\", VR.PN))
                .isEqualTo("DOE^JOHN 0123 ~\\".getBytes(StandardCharsets.US_ASCII));
        assertThat(cs.canEncode("DOE^JOHN")).isTrue();
    }

    @Test
    void theDefaultRepertoireStillRefusesWhatIsNotAscii() {
        assertThat(SpecificCharacterSet.DEFAULT.canEncode("MÜLLER")).isFalse();
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("MÜLLER", VR.PN))
                .isInstanceOf(IllegalArgumentException.class);
        // CS is not charset sensitive: its bytes do not depend on the declared set.
        assertThat(SpecificCharacterSet.DEFAULT.encode("MÜLLER", VR.CS)).hasSize(6);
    }

    @Test
    void annexH31JapaneseNameWithEmptyFirstValueRoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        // PS3.5 Example H.3-1: "Yamada^Tarou=" in ISO-IR 6, then each ideographic and
        // phonetic component is ESC $ B (JIS X 0208 to G0) ... ESC ( B (back to ISO-IR 6)
        // before the next delimiter and at the end of the value.
        byte[] bytes = hex("59 61 6D 61 64 61 5E 54 61 72 6F 75 3D"
                + " 1B 24 42 3B 33 45 44 1B 28 42 5E" // ESC $ B 山田 ESC ( B ^
                + " 1B 24 42 42 40 4F 3A 1B 28 42 3D" // ESC $ B 太郎 ESC ( B =
                + " 1B 24 42 24 64 24 5E 24 40 1B 28 42 5E" // ESC $ B やまだ ESC ( B ^
                + " 1B 24 42 24 3F 24 6D 24 26 1B 28 42"); // ESC $ B たろう ESC ( B

        assertRoundTrip(cs, bytes, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう");
    }

    @Test
    void annexH32JapaneseNameWithIr13FirstRoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
        // PS3.5 Example H.3-2: half-width katakana in G1 (ISO-IR 13) with no escape, kanji
        // and hiragana after ESC $ B, and ESC ( J back to the initial G0 (ISO-IR 14).
        byte[] bytes = hex("D4 CF C0 DE 5E C0 DB B3 3D" // ﾔﾏﾀﾞ^ﾀﾛｳ=
                + " 1B 24 42 3B 33 45 44 1B 28 4A 5E" // ESC $ B 山田 ESC ( J ^
                + " 1B 24 42 42 40 4F 3A 1B 28 4A 3D" // ESC $ B 太郎 ESC ( J =
                + " 1B 24 42 24 64 24 5E 24 40 1B 28 4A 5E" // ESC $ B やまだ ESC ( J ^
                + " 1B 24 42 24 3F 24 6D 24 26 1B 28 4A"); // ESC $ B たろう ESC ( J

        assertRoundTrip(cs, bytes, VR.PN, "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう");
    }

    @Test
    void annexI2KoreanNameRoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
        // PS3.5 Example I.2-1: KS X 1001 is designated to G1 (ESC $ ) C) again in every
        // component that uses it, since the code state returns to the initial one at '^'/'='.
        byte[] bytes = hex("48 6F 6E 67 5E 47 69 6C 64 6F 6E 67 3D" // Hong^Gildong=
                + " 1B 24 29 43 FB F3 5E" // ESC $ ) C 洪 ^
                + " 1B 24 29 43 D1 CE D4 D7 3D" // ESC $ ) C 吉洞 =
                + " 1B 24 29 43 C8 AB 5E" // ESC $ ) C 홍 ^
                + " 1B 24 29 43 B1 E6 B5 BF"); // ESC $ ) C 길동

        assertRoundTrip(cs, bytes, VR.PN, "Hong^Gildong=洪^吉洞=홍^길동");
    }

    @Test
    void chineseNameInGb18030RoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("GB18030");
        // PS3.5 Example J.3 (K.1 in later editions): Wang^XiaoDong=王^小东= ; no escapes.
        byte[] bytes = hex("57 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D CD F5 5E D0 A1 B6 AB 3D");

        assertRoundTrip(cs, bytes, VR.PN, "Wang^XiaoDong=王^小东=");
    }

    @Test
    void chineseNameInIso2022Ir58RoundTrips() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
        // PS3.5 Example K.2-1: GB 2312 designated to G1 (ESC $ ) A) in each component.
        byte[] bytes = hex("5A 68 61 6E 67 5E 58 69 61 6F 44 6F 6E 67 3D" // Zhang^XiaoDong=
                + " 1B 24 29 41 D5 C5 5E" // ESC $ ) A 张 ^
                + " 1B 24 29 41 D0 A1 B6 AB 3D"); // ESC $ ) A 小东 =

        assertRoundTrip(cs, bytes, VR.PN, "Zhang^XiaoDong=张^小东=");
    }

    @Test
    void longTextInIso2022Ir58DesignatesG1AgainOnEveryLine() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 58");
        // PS3.5 Example K.3-1: CR LF return to the initial state, so each line starts with
        // ESC $ ) A before its first GB 2312 character.
        byte[] bytes = hex("31 2E 1B 24 29 41 B5 DA D2 BB D0 D0 CE C4 D7 D6 A1 A3 0D 0A"
                + " 32 2E 1B 24 29 41 B5 DA B6 FE D0 D0 CE C4 D7 D6 A1 A3 0D 0A"
                + " 33 2E 1B 24 29 41 B5 DA C8 FD D0 D0 CE C4 D7 D6 A1 A3 0D 0A");

        assertRoundTrip(cs, bytes, VR.LT, "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n");
    }

    @Test
    void longTextInGb18030AndUtf8RoundTrips() {
        String text = "The first line includes中文.\r\nThe second line includes中文, too.\r\n"
                + "The third line.\r\n";
        String ascii1 = "54 68 65 20 66 69 72 73 74 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73";
        String ascii2 = "54 68 65 20 73 65 63 6F 6E 64 20 6C 69 6E 65 20 69 6E 63 6C 75 64 65 73";
        String ascii3 = "54 68 65 20 74 68 69 72 64 20 6C 69 6E 65 2E 0D 0A";
        // PS3.5 Example J.4-1: 中 = D6D0, 文 = CEC4 in GB18030.
        byte[] gb = hex(ascii1 + " D6 D0 CE C4 2E 0D 0A " + ascii2
                + " D6 D0 CE C4 2C 20 74 6F 6F 2E 0D 0A " + ascii3);
        // PS3.5 Example J.2-1: 中 = E4 B8 AD, 文 = E6 96 87 in UTF-8.
        byte[] utf8 = hex(ascii1 + " E4 B8 AD E6 96 87 2E 0D 0A " + ascii2
                + " E4 B8 AD E6 96 87 2C 20 74 6F 6F 2E 0D 0A " + ascii3);

        assertRoundTrip(SpecificCharacterSet.of("GB18030"), gb, VR.LT, text);
        assertRoundTrip(SpecificCharacterSet.of("ISO_IR 192"), utf8, VR.LT, text);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "ISO_IR 100 | MÜLLER^JÖRG         | 4D DC 4C 4C 45 52 5E 4A D6 52 47",
        "ISO_IR 101 | DVOŘÁK^ADÉLA        | 44 56 4F D8 C1 4B 5E 41 44 C9 4C 41",
        "ISO_IR 109 | BORĠ^ĦANNA          | 42 4F 52 D5 5E A1 41 4E 4E 41",
        "ISO_IR 110 | BĒRZIŅA^ĪVA         | 42 AA 52 5A 49 D1 41 5E CF 56 41",
        "ISO_IR 126 | ΠΑΠΑΔΟΠΟΥΛΟΥ^ΕΛΕΝΗ  | D0 C1 D0 C1 C4 CF D0 CF D5 CB CF D5 5E C5 CB C5 CD C7",
        "ISO_IR 127 | حداد^ليلى           | CD CF C7 CF 5E E4 EA E4 E9",
        "ISO_IR 138 | כהן^דנה             | EB E4 EF 5E E3 F0 E4",
        "ISO_IR 144 | ИВАНОВА^МАРИЯ       | B8 B2 B0 BD BE B2 B0 5E BC B0 C0 B8 CF",
        "ISO_IR 148 | GÜNEŞ^İPEK          | 47 DC 4E 45 DE 5E DD 50 45 4B",
        "ISO_IR 166 | ศรีสุข^มาลี           | C8 C3 D5 CA D8 A2 5E C1 D2 C5 D5",
        "ISO_IR 203 | ŒUVRARD^ŽOÉ         | BC 55 56 52 41 52 44 5E B4 4F C9",
        "ISO_IR 192 | DVOŘÁK^ADÉLA        | 44 56 4F C5 98 C3 81 4B 5E 41 44 C3 89 4C 41",
    })
    void singleByteAndUtf8NamesRoundTrip(String term, String name, String encoded) {
        assertRoundTrip(SpecificCharacterSet.of(term), hex(encoded), VR.PN, name);
    }

    @Test
    void singleByteSetsWithCodeExtensionsSwitchG1ByEscape() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
        // G1 starts as ISO-IR 100 (value 1); ESC - F designates ISO-IR 126 (Greek) to G1,
        // and the '^' returns to ISO-IR 100, so "Ä" needs no escape.
        byte[] bytes = hex("1B 2D 46 C4 C7 CC C7 D4 D1 C1 5E C4 4E 4E");

        assertRoundTrip(cs, bytes, VR.PN, "ΔΗΜΗΤΡΑ^ÄNN");
    }

    @Test
    void personNameDelimitersResetTheCodeStateOnlyInPn() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
        byte[] bytes = hex("1B 2D 46 C4 5E C4"); // ESC - F, C4, '^', C4

        assertThat(decode(cs, bytes, VR.PN)).isEqualTo("Δ^Ä");
        assertThat(decode(cs, bytes, VR.LO)).isEqualTo("Δ^Δ");
    }

    @Test
    void valueDelimiterAndControlCharactersResetTheCodeState() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
        byte[] values = hex("1B 2D 46 C4 5C C4"); // ESC - F, C4, '\', C4

        assertThat(decode(cs, values, VR.LO)).isEqualTo("Δ\\Ä");
        assertThat(decode(cs, values, VR.LT)).isEqualTo("Δ\\Δ");
        assertThat(decode(cs, hex("1B 2D 46 C4 0D 0A C4"), VR.LT)).isEqualTo("Δ\r\nÄ");
    }

    @Test
    void kanjiInEveryValueOfAMultiValuedElementEndsInTheInitialG0() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        // Two LO values: each one switches back with ESC ( B before the '\' and at the end.
        byte[] bytes = hex("1B 24 42 3B 33 45 44 1B 28 42 5C 1B 24 42 42 40 4F 3A 1B 28 42");

        assertRoundTrip(cs, bytes, VR.LO, "山田\\太郎");
    }

    @Test
    void spaceInsideAJisX0208RunNeedsNoEscape() {
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        // PS3.5 H.2: unlike ISO-2022-JP-2, DICOM encodes SPACE without leaving JIS X 0208.
        byte[] bytes = hex("1B 24 42 3B 33 20 45 44 1B 28 42");

        assertRoundTrip(cs, bytes, VR.LO, "山 田");
    }

    @Test
    void supplementaryKanjiUseJisX0212AndKatakanaUseIr13() {
        SpecificCharacterSet cs = SpecificCharacterSet.of(
                "", "ISO 2022 IR 87", "ISO 2022 IR 159", "ISO 2022 IR 13");
        // 丂 is only in JIS X 0212 (ESC $ ( D, 30 21); 山 in JIS X 0208 (ESC $ B, 3B 33);
        // half-width ｱ in ISO-IR 13 designated to G1 (ESC ) I, B1), which needs no change
        // of G0; G0 returns to ISO-IR 6 (ESC ( B) at the end of the value.
        byte[] bytes = hex("1B 24 28 44 30 21 1B 24 42 3B 33 1B 29 49 B1 1B 28 42");

        assertRoundTrip(cs, bytes, VR.LO, "丂山ｱ");
    }

    @Test
    void writerEncodesAJapaneseNameInIso2022WhenTheDataSetDeclaresIr87() throws Exception {
        Dataset ds = new Dataset();
        ds.setString(Tag.SpecificCharacterSet, "", "ISO 2022 IR 87");
        ds.setString(Tag.PatientName, "Yamada^Tarou=山田^太郎");

        byte[] bytes = DicomWriter.write(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        // (0008,0005) CS, 16 bytes "\ISO 2022 IR 87" + pad; (0010,0010) PN, 34 bytes.
        assertThat(bytes).isEqualTo(hex("08 00 05 00 43 53 10 00"
                + " 5C 49 53 4F 20 32 30 32 32 20 49 52 20 38 37 20"
                + " 10 00 10 00 50 4E 22 00"
                + " 59 61 6D 61 64 61 5E 54 61 72 6F 75 3D"
                + " 1B 24 42 3B 33 45 44 1B 28 42 5E 1B 24 42 42 40 4F 3A 1B 28 42"));
        assertThat(DicomReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .getString(Tag.PatientName)).isEqualTo("Yamada^Tarou=山田^太郎");
    }

    @Test
    void encodingACharacterOutsideTheSetFailsInsteadOfLosingIt() {
        assertThat(SpecificCharacterSet.LATIN_1.canEncode("DVOŘÁK")).isFalse();
        assertThatThrownBy(() -> SpecificCharacterSet.LATIN_1.encode("DVOŘÁK", VR.PN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecificCharacterSet.of("", "ISO 2022 IR 87")
                .encode("Müller", VR.PN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecificCharacterSet.DEFAULT.encode("Ä", VR.LO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesOutsideTheCharsetSensitiveVrsKeepTheirBytes() {
        // CS is always in the default repertoire; an undeclared 8-bit byte is kept as Latin-1.
        SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
        byte[] bytes = hex("4D C4");

        assertThat(decode(cs, bytes, VR.CS)).isEqualTo("MÄ");
        assertThat(cs.encode("MÄ", VR.CS)).isEqualTo(bytes);
    }

    @Test
    void forValuesChoosesTheNarrowestSetThatCarriesEveryValue() {
        assertThat(SpecificCharacterSet.forValues(List.of("MARTIN^LUC", "MR")))
                .isEqualTo(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.forValues(List.of("MARTIN^LUC", "MÜLLER^JÖRG")))
                .isEqualTo(SpecificCharacterSet.LATIN_1);
        assertThat(SpecificCharacterSet.forValues(List.of("MÜLLER^JÖRG", "DVOŘÁK^ADÉLA")))
                .isEqualTo(SpecificCharacterSet.UTF_8);
        assertThat(SpecificCharacterSet.forValues(List.of("DVOŘÁK^ADÉLA", "MÜLLER^JÖRG")))
                .isEqualTo(SpecificCharacterSet.UTF_8);
    }

    @Test
    void forValuesNeverLosesACharacter() {
        Random random = new Random(42);
        for (int run = 0; run < 500; run++) {
            List<String> values = List.of(randomText(random), randomText(random));
            SpecificCharacterSet chosen = SpecificCharacterSet.forValues(values);
            for (String value : values) {
                byte[] bytes = chosen.encode(value, VR.LO);
                assertThat(chosen.decode(bytes, 0, bytes.length, VR.LO)).isEqualTo(value);
            }
        }
    }

    private static String randomText(Random random) {
        String alphabet = "ABCabc ^=ÄÖÜéçŘŽΔЖ山田ｱ한王€";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void forValuesKeepsAPreferredSetThatCarriesTheValues() {
        SpecificCharacterSet japanese = SpecificCharacterSet.of("", "ISO 2022 IR 87");

        assertThat(SpecificCharacterSet.forValues(List.of("山田^太郎"), japanese))
                .isEqualTo(japanese);
        assertThat(SpecificCharacterSet.forValues(List.of("DVOŘÁK"), SpecificCharacterSet.LATIN_1))
                .isEqualTo(SpecificCharacterSet.UTF_8);
    }

    @Test
    void termsAreComparedWithoutPaddingOrCase() {
        assertThat(SpecificCharacterSet.of(" iso_ir 100 ")).isEqualTo(SpecificCharacterSet.LATIN_1);
        assertThat(SpecificCharacterSet.of("")).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.of()).isSameAs(SpecificCharacterSet.DEFAULT);
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").toString())
                .isEqualTo("\\ISO 2022 IR 87");
        assertThat(SpecificCharacterSet.of("", "ISO 2022 IR 87").usesCodeExtensions()).isTrue();
        assertThat(SpecificCharacterSet.UTF_8.usesCodeExtensions()).isFalse();
    }

    @Test
    void unknownTermsAndForbiddenCombinationsAreRejected() {
        assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO_IR 999");
        assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISO_IR 192");
        assertThatThrownBy(() -> SpecificCharacterSet.of("ISO_IR 87"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodingGarbageNeverThrows() {
        Random random = new Random(7);
        SpecificCharacterSet[] sets = {
            SpecificCharacterSet.DEFAULT, SpecificCharacterSet.UTF_8,
            SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159"),
            SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87"),
            SpecificCharacterSet.of("", "ISO 2022 IR 149"), SpecificCharacterSet.of("GB18030"),
        };
        for (int run = 0; run < 2000; run++) {
            byte[] bytes = new byte[random.nextInt(16)];
            random.nextBytes(bytes);
            for (SpecificCharacterSet cs : sets) {
                assertThat(cs.decode(bytes, 0, bytes.length, VR.PN)).isNotNull();
            }
        }
    }
}
