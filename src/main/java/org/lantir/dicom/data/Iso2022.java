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

    /** The elements designated to G0 and G1 while a value is read or written. */
    private final class State {
        CodeElement g0 = initialG0;
        CodeElement g1 = initialG1;

        void reset() {
            g0 = initialG0;
            g1 = initialG1;
        }

        void designate(CodeElement element) {
            if (element.isG0()) {
                g0 = element;
            } else {
                g1 = element;
            }
        }

        boolean isDesignated(CodeElement element) {
            return element == (element.isG0() ? g0 : g1);
        }
    }

    String decode(byte[] bytes, int offset, int length, VR vr) {
        StringBuilder text = new StringBuilder(length);
        State state = new State();
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = bytes[i] & 0xFF;
            if (b == ESC) {
                i += decodeEscape(bytes, i, end, state, text);
            } else if (b >= 0x80) {
                i += decodeHigh(bytes, i, end, state.g1, text);
            } else if (state.g0.isMultiByte() && b > ' ' && b < 0x7F) {
                i += decodePair(bytes, i, end, state.g0, text);
            } else {
                text.append((char) b);
                if (resetsState(b, vr)) {
                    state.reset();
                }
                i++;
            }
        }
        return text.toString();
    }

    private static int decodeEscape(byte[] bytes, int i, int end, State state,
            StringBuilder text) {
        CodeElement designated = CodeElement.atEscape(bytes, i, end);
        if (designated == null) {
            // Not an escape of DICOM: keep the ESC as a character rather than guess.
            text.append((char) ESC);
            return 1;
        }
        state.designate(designated);
        return designated.escape().length;
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
        State state = new State();
        for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
            int cp = value.codePointAt(i);
            if (cp < 0x80) {
                encodeSingle(out, cp, vr, state);
            } else {
                encodeOther(out, cp, state);
            }
        }
        returnToInitialG0(out, state);
        return out.toByteArray();
    }

    /** A character of ISO-IR 6: G0 back to its initial set first, except for a SPACE. */
    private void encodeSingle(ByteArrayOutputStream out, int cp, VR vr, State state) {
        boolean reset = resetsState(cp, vr);
        if (reset || cp != ' ') {
            returnToInitialG0(out, state);
        }
        out.write(cp);
        if (reset) {
            state.reset();
        }
    }

    private void encodeOther(ByteArrayOutputStream out, int cp, State state) {
        CodeElement element = choose(cp, state.g0, state.g1);
        if (element == null) {
            throw new IllegalArgumentException(unencodable(cp));
        }
        if (!state.isDesignated(element)) {
            out.writeBytes(element.escape());
            state.designate(element);
        }
        writeCode(out, element.encode(cp), element);
    }

    private void returnToInitialG0(ByteArrayOutputStream out, State state) {
        if (state.g0 != initialG0) {
            out.writeBytes(initialG0.escape());
            state.g0 = initialG0;
        }
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
