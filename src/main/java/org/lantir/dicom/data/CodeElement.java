package org.lantir.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The code elements that (0008,0005) can name, with their ISO 2022 designation escape
 * sequences (PS3.3 Tables C.12-2 to C.12-4, PS3.5 §6.1.2.5 and Annexes H, I, K). A code element
 * fills either G0 (invoked in GL, bytes 21H-7EH) or G1 (invoked in GR, bytes A0H-FFH), with one
 * or two bytes per character.
 */
enum CodeElement {
    /** ISO-IR 6, the default repertoire (ASCII). */
    IR_6(true, 1, "(B", null),
    /**
     * ISO-IR 14, JIS X 0201 Romaji. DEVIATION: PS3.5 Annex H.1.1 — 05/12 and 07/14 are handled
     * as BACKSLASH and TILDE like ISO-IR 6, because 05/12 is the value delimiter of DICOM.
     */
    IR_14(true, 1, "(J", null),
    IR_100(false, 1, "-A", "ISO-8859-1"),
    IR_101(false, 1, "-B", "ISO-8859-2"),
    IR_109(false, 1, "-C", "ISO-8859-3"),
    IR_110(false, 1, "-D", "ISO-8859-4"),
    IR_144(false, 1, "-L", "ISO-8859-5"),
    IR_127(false, 1, "-G", "ISO-8859-6"),
    IR_126(false, 1, "-F", "ISO-8859-7"),
    IR_138(false, 1, "-H", "ISO-8859-8"),
    IR_148(false, 1, "-M", "ISO-8859-9"),
    IR_203(false, 1, "-b", "ISO-8859-15"),
    IR_166(false, 1, "-T", "TIS-620"),
    /** ISO-IR 13, JIS X 0201 Katakana, as half-width katakana U+FF61-U+FF9F. */
    IR_13(false, 1, ")I", null),
    /** ISO-IR 87, JIS X 0208 (Kanji, Hiragana, Katakana); EUC-JP code set 1 less 80H. */
    IR_87(true, 2, "$B", "EUC-JP"),
    /** ISO-IR 159, JIS X 0212 (supplementary Kanji); EUC-JP code set 3 less 80H. */
    IR_159(true, 2, "$(D", "EUC-JP"),
    /** ISO-IR 149, KS X 1001 (Hangul and Hanja), in GR as in EUC-KR. */
    IR_149(false, 2, "$)C", "EUC-KR"),
    /** ISO-IR 58, GB 2312, in GR as in EUC-CN. */
    IR_58(false, 2, "$)A", "GB2312");

    private static final int ESC = 0x1B;
    private static final int EUC_SS3 = 0x8F;

    private final boolean g0;
    private final int width;
    private final byte[] escape;
    private final Charset charset;
    private final Map<Integer, Integer> singleByteCodes = new HashMap<>();

    CodeElement(boolean g0, int width, String escapeTail, String charsetName) {
        this.g0 = g0;
        this.width = width;
        this.escape = (((char) ESC) + escapeTail).getBytes(StandardCharsets.US_ASCII);
        this.charset = charsetName == null ? null : Charset.forName(charsetName);
    }

    boolean isG0() {
        return g0;
    }

    boolean isMultiByte() {
        return width == 2;
    }

    /** The Java charset behind the element, or null (ISO-IR 6, 13 and 14 need none). */
    Charset charset() {
        return charset;
    }

    /** The escape sequence that designates this element to its G0 or G1 slot. */
    byte[] escape() {
        return escape.clone();
    }

    /** The element whose escape sequence starts at {@code bytes[pos]}, or null. */
    static CodeElement atEscape(byte[] bytes, int pos, int end) {
        for (CodeElement element : values()) {
            byte[] seq = element.escape;
            if (pos + seq.length <= end && regionMatches(bytes, pos, seq)) {
                return element;
            }
        }
        return null;
    }

    private static boolean regionMatches(byte[] bytes, int pos, byte[] seq) {
        for (int i = 0; i < seq.length; i++) {
            if (bytes[pos + i] != seq[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The code of a character in this element: one byte, or two bytes as {@code b1 << 8 | b2};
     * GL codes (21H-7EH) for G0 elements, GR codes (A0H-FFH) for G1 elements; -1 when the
     * element does not hold the character.
     */
    int encode(int codePoint) {
        if (codePoint < 0x80) {
            return g0 && width == 1 ? codePoint : -1;
        }
        if (this == IR_13) {
            return codePoint >= 0xFF61 && codePoint <= 0xFF9F ? codePoint - 0xFF61 + 0xA1 : -1;
        }
        if (charset == null || Character.isSupplementaryCodePoint(codePoint)) {
            return -1;
        }
        return width == 1 ? encodeSingleByte(codePoint) : encodeDoubleByte((char) codePoint);
    }

    private int encodeSingleByte(int codePoint) {
        synchronized (singleByteCodes) {
            if (singleByteCodes.isEmpty()) {
                fillSingleByteCodes();
            }
            return singleByteCodes.getOrDefault(codePoint, -1);
        }
    }

    private void fillSingleByteCodes() {
        for (int b = 0xA0; b <= 0xFF; b++) {
            int cp = decode(b);
            if (cp >= 0) {
                singleByteCodes.put(cp, b);
            }
        }
    }

    private int encodeDoubleByte(char c) {
        byte[] euc = String.valueOf(c).getBytes(charset);
        if (this == IR_159) {
            boolean plane3 = euc.length == 3 && (euc[0] & 0xFF) == EUC_SS3 && isGr(euc, 1);
            return plane3 ? glPair(euc[1], euc[2]) : -1;
        }
        if (euc.length != 2 || !isGr(euc, 0)) {
            return -1;
        }
        return g0 ? glPair(euc[0], euc[1]) : (euc[0] & 0xFF) << 8 | (euc[1] & 0xFF);
    }

    private static boolean isGr(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) < 0xA1 || (bytes[i] & 0xFF) == 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static int glPair(byte b1, byte b2) {
        return (b1 & 0x7F) << 8 | (b2 & 0x7F);
    }

    /** The character of a code (as {@link #encode} returns it), or -1 when it has none. */
    int decode(int code) {
        if (this == IR_13) {
            return code >= 0xA1 && code <= 0xDF ? code - 0xA1 + 0xFF61 : -1;
        }
        if (charset == null) {
            return code < 0x80 ? code : -1;
        }
        byte[] bytes = width == 1 ? new byte[] {(byte) code} : eucBytes(code);
        String text = new String(bytes, charset);
        if (text.length() != 1 || text.charAt(0) == '\uFFFD') {
            return -1;
        }
        return text.charAt(0);
    }

    private byte[] eucBytes(int code) {
        byte b1 = (byte) ((code >> 8) | 0x80);
        byte b2 = (byte) (code | 0x80);
        return this == IR_159 ? new byte[] {(byte) EUC_SS3, b1, b2} : new byte[] {b1, b2};
    }
}
