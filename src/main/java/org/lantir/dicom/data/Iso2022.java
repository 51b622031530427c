package org.lantir.dicom.data;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Text codec for the ISO 2022 code extension techniques of PS3.5 §6.1.2.5: G0 and G1 code
 * elements switched by escape sequences, with the code state going back to the initial one
 * (the elements of the first value of (0008,0005)) at CR, LF, FF and TAB, at the '\' between
 * values and, in PN values, at the '^' and '=' delimiters (PS3.5 §6.1.2.5.3).
 *
 * <p>The encoder writes an escape only when a character needs an element that is not
 * designated yet, switches G0 back to its initial element before every delimiter, control
 * character and at the end of the value (the form of PS3.5 Examples H.3-1 and H.3-2), and
 * re-designates a G1 element after each delimiter (PS3.5 Examples I.2-1 and K.2-1). The
 * decoder accepts the escape of every element it knows, declared or not.
 */
final class Iso2022 {

    private static final int ESC = 0x1B;
    private static final char REPLACEMENT = '\uFFFD';

    private final List<CodeElement> declared;
    private final CodeElement initialG0;
    private final CodeElement initialG1;

    /**
     * @param declared the elements the data set declares, in the order of its values
     * @param initialG0 the G0 element in force at the start of a value
     * @param initialG1 the G1 element in force at the start of a value, or null
     */
    Iso2022(List<CodeElement> declared, CodeElement initialG0, CodeElement initialG1) {
        this.declared = List.copyOf(declared);
        this.initialG0 = initialG0;
        this.initialG1 = initialG1;
    }

    String decode(byte[] bytes, int offset, int length, VR vr) {
        StringBuilder text = new StringBuilder(length);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == ESC) {
                CodeElement designated = CodeElement.atEscape(bytes, i, end);
                if (designated == null) {
                    text.append((char) b);
                    i++;
                } else if (designated.isG0()) {
                    g0 = designated;
                    i += designated.escape().length;
                } else {
                    g1 = designated;
                    i += designated.escape().length;
                }
            } else if (b < 0x20 || b == 0x7F) {
                text.append((char) b);
                if (resetsState(b, vr)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
            } else if (b < 0x80) {
                if (g0.isMultiByte() && b != ' ') {
                    i += decodePair(bytes, i, end, g0, text);
                    continue;
                }
                text.append((char) b);
                if (resetsState(b, vr)) {
                    g0 = initialG0;
                    g1 = initialG1;
                }
                i++;
            } else {
                i += decodeHigh(bytes, i, end, g1, text);
            }
        }
        return text.toString();
    }

    private static int decodePair(byte[] bytes, int i, int end, CodeElement element,
            StringBuilder text) {
        if (i + 1 >= end) {
            text.append(REPLACEMENT);
            return 1;
        }
        int code = (bytes[i] & 0xFF) << 8 | (bytes[i + 1] & 0xFF);
        int cp = element.decode(code);
        text.append(cp < 0 ? REPLACEMENT : (char) cp);
        return 2;
    }

    private static int decodeHigh(byte[] bytes, int i, int end, CodeElement g1,
            StringBuilder text) {
        int b = bytes[i] & 0xFF;
        if (g1 == null) {
            // No G1 designated: keep the byte readable (as ISO-IR 100) rather than drop it.
            text.append((char) b);
            return 1;
        }
        if (g1.isMultiByte()) {
            return decodePair(bytes, i, end, g1, text);
        }
        int cp = g1.decode(b);
        text.append(cp < 0 ? REPLACEMENT : (char) cp);
        return 1;
    }

    /** Whether the character ends a run in which other code elements may be in force. */
    private static boolean resetsState(int c, VR vr) {
        switch (c) {
            case '\r': case '\n': case '\f': case '\t':
                return true;
            case '\\':
                return vr.isMultiValued();
            case '^': case '=':
                return vr == VR.PN;
            default:
                return false;
        }
    }

    /**
     * Encodes a value.
     *
     * @throws IllegalArgumentException when a character is in none of the declared elements
     */
    byte[] encode(String value, VR vr) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length() * 2);
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int cp = value.codePointAt(i);
            if (cp < 0x80) {
                boolean reset = resetsState(cp, vr);
                if (g0 != initialG0 && (reset || cp != ' ')) {
                    out.writeBytes(initialG0.escape());
                    g0 = initialG0;
                }
                out.write(cp);
                if (reset) {
                    g1 = initialG1;
                }
                continue;
            }
            CodeElement element = choose(cp, g0, g1);
            if (element == null) {
                throw new IllegalArgumentException(unencodable(cp));
            }
            if (element.isG0() && element != g0) {
                out.writeBytes(element.escape());
                g0 = element;
            } else if (!element.isG0() && element != g1) {
                out.writeBytes(element.escape());
                g1 = element;
            }
            writeCode(out, element.encode(cp), element);
        }
        if (g0 != initialG0) {
            out.writeBytes(initialG0.escape());
        }
        return out.toByteArray();
    }

    private static void writeCode(ByteArrayOutputStream out, int code, CodeElement element) {
        if (element.isMultiByte()) {
            out.write(code >> 8);
        }
        out.write(code & 0xFF);
    }

    /** Whether every character of the value is in a declared element. */
    boolean canEncode(String value) {
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int cp = value.codePointAt(i);
            if (cp >= 0x80 && choose(cp, initialG0, initialG1) == null) {
                return false;
            }
        }
        return true;
    }

    /** The designated element that holds the character, else the first declared one. */
    private CodeElement choose(int cp, CodeElement g0, CodeElement g1) {
        if (g1 != null && g1.encode(cp) >= 0) {
            return g1;
        }
        if (g0.isMultiByte() && g0.encode(cp) >= 0) {
            return g0;
        }
        for (CodeElement element : declared) {
            if (element.encode(cp) >= 0) {
                return element;
            }
        }
        return null;
    }

    private String unencodable(int cp) {
        return String.format("character U+%04X is in none of %s", cp, declared);
    }
}
