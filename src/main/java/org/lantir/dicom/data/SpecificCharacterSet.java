package org.lantir.dicom.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The character repertoires named by Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2,
 * PS3.5 §6.1): decodes received text values and encodes values for sending.
 *
 * <p>Supported: the default repertoire; the single-byte sets ISO_IR 100, 101, 109, 110, 126,
 * 127, 138, 144, 148, 166, 203 and ISO_IR 13 (Table C.12-2); their ISO 2022 forms with code
 * extensions, together with ISO 2022 IR 87, IR 159, IR 149 and IR 58 (Tables C.12-3 and
 * C.12-4), in any multi-valued combination; and the sets without code extensions ISO_IR 192
 * (UTF-8), GB18030 and GBK (Table C.12-5). Only SH, LO, ST, PN, LT, UC and UT values are
 * affected (PS3.5 §6.1.2.2); other text VRs use the default repertoire.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (ISO_IR 6, ASCII). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(
            new String[0], StandardCharsets.US_ASCII, null);

    /** ISO_IR 192, UTF-8. */
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(
            new String[] {"ISO_IR 192"}, StandardCharsets.UTF_8, null);

    /** ISO_IR 100, Latin alphabet No. 1. */
    public static final SpecificCharacterSet LATIN_1 = new SpecificCharacterSet(
            new String[] {"ISO_IR 100"}, StandardCharsets.ISO_8859_1, null);

    /** Sets without code extensions that Java decodes as a whole (PS3.3 Table C.12-5). */
    private static final Map<String, String> WHOLE_VALUE_SETS = Map.of(
            "ISO_IR 192", "UTF-8", "GB18030", "GB18030", "GBK", "GBK");

    private final String[] terms;
    private final Charset charset;
    private final Iso2022 iso2022;

    private SpecificCharacterSet(String[] terms, Charset charset, Iso2022 iso2022) {
        this.terms = terms;
        this.charset = charset;
        this.iso2022 = iso2022;
    }

    /**
     * The set named by the values of (0008,0005). No value, or one empty value, is the default
     * repertoire. Terms are compared without surrounding spaces and case; empty values after
     * the first are ignored.
     *
     * @throws IllegalArgumentException when a term is not one Lantir supports, or a set
     *         without code extensions (ISO_IR 192, GB18030, GBK) is combined with another
     */
    public static SpecificCharacterSet of(String... terms) {
        String[] normalized = normalize(terms);
        if (normalized.length == 0) {
            return DEFAULT;
        }
        String first = normalized[0];
        for (String term : normalized) {
            if (WHOLE_VALUE_SETS.containsKey(term)) {
                return wholeValueSet(normalized, term);
            }
        }
        List<CodeElement> elements = new ArrayList<>();
        for (String term : normalized) {
            elements.addAll(elementsOf(term));
        }
        if (normalized.length == 1 && !first.startsWith("ISO 2022") && isPlain(elements)) {
            return new SpecificCharacterSet(normalized, javaCharsetOf(elements), null);
        }
        return new SpecificCharacterSet(normalized, null, iso2022Of(elements));
    }

    private static String[] normalize(String[] terms) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; terms != null && i < terms.length; i++) {
            String term = terms[i] == null ? "" : terms[i].trim().toUpperCase(Locale.ROOT);
            if (i == 0 || !term.isEmpty()) {
                kept.add(term);
            }
        }
        if (kept.size() == 1 && kept.get(0).isEmpty()) {
            kept.clear();
        }
        return kept.toArray(new String[0]);
    }

    private static SpecificCharacterSet wholeValueSet(String[] terms, String term) {
        if (terms.length > 1) {
            throw new IllegalArgumentException("Unsupported Specific Character Set "
                    + String.join("\\", terms) + ": " + term
                    + " allows no code extensions (PS3.3 C.12.1.1.2)");
        }
        return new SpecificCharacterSet(terms, Charset.forName(WHOLE_VALUE_SETS.get(term)), null);
    }

    /** The code elements a defined term brings (PS3.3 Tables C.12-2 to C.12-4). */
    private static List<CodeElement> elementsOf(String term) {
        if (term.isEmpty() || term.equals("ISO_IR 6") || term.equals("ISO 2022 IR 6")) {
            return List.of(CodeElement.IR_6);
        }
        String number = term.startsWith("ISO 2022 IR ") ? term.substring(12)
                : term.startsWith("ISO_IR ") ? term.substring(7) : null;
        CodeElement element = number == null ? null : elementNumbered(number);
        if (element == null || (element.isMultiByte() && term.startsWith("ISO_IR"))) {
            throw new IllegalArgumentException("Unsupported Specific Character Set " + term);
        }
        if (element == CodeElement.IR_13) {
            return List.of(CodeElement.IR_14, CodeElement.IR_13);
        }
        return element.isG0() ? List.of(element) : List.of(CodeElement.IR_6, element);
    }

    private static CodeElement elementNumbered(String number) {
        for (CodeElement element : CodeElement.values()) {
            if (element.name().equals("IR_" + number) && element != CodeElement.IR_14) {
                return element;
            }
        }
        return null;
    }

    private static boolean isPlain(List<CodeElement> elements) {
        return elements.get(elements.size() - 1) != CodeElement.IR_13;
    }

    private static Charset javaCharsetOf(List<CodeElement> elements) {
        CodeElement last = elements.get(elements.size() - 1);
        return last == CodeElement.IR_6 ? StandardCharsets.US_ASCII : last.charset();
    }

    /** Initial state: G0 and G1 of the first value (PS3.5 §6.1.2.5.3). */
    private static Iso2022 iso2022Of(List<CodeElement> elements) {
        CodeElement first = elements.get(0);
        if (first.isMultiByte()) {
            // A multi-byte set as first value (not a defined use): start in ISO-IR 6.
            return new Iso2022(elements, CodeElement.IR_6, null);
        }
        CodeElement initialG1 = null;
        if (elements.size() > 1 && !elements.get(1).isG0()) {
            initialG1 = elements.get(1);
        }
        return new Iso2022(elements, first, initialG1);
    }

    /** The defined terms, as they go into (0008,0005); empty for the default repertoire. */
    public String[] terms() {
        return terms.clone();
    }

    public boolean isDefault() {
        return terms.length == 0;
    }

    /** Whether values may hold ISO 2022 escape sequences (PS3.5 §6.1.2.5). */
    public boolean usesCodeExtensions() {
        return iso2022 != null;
    }

    /** Decodes a text value of the given VR (all its values, delimiters included). */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        if (vr.isCharsetSensitive() && iso2022 != null) {
            return iso2022.decode(bytes, offset, length, vr);
        }
        Charset cs = vr.isCharsetSensitive() ? charset : StandardCharsets.US_ASCII;
        if (cs == StandardCharsets.US_ASCII && hasHighBit(bytes, offset, length)) {
            // Undeclared 8-bit bytes: keep them readable instead of replacing them by U+FFFD.
            cs = StandardCharsets.ISO_8859_1;
        }
        return new String(bytes, offset, length, cs);
    }

    /**
     * Encodes a text value of the given VR. Never loses a character: values of VRs outside
     * PS3.5 §6.1.2.2 are written in the default repertoire (bytes 80H-FFH kept as ISO-IR 100,
     * as {@link #decode} reads them).
     *
     * @throws IllegalArgumentException when a character is not in the set
     */
    public byte[] encode(String value, VR vr) {
        if ((iso2022 == null || !vr.isCharsetSensitive()) && isAscii(value)) {
            // Every set without code extensions (and ISO_IR 100 for the other VRs) writes
            // ASCII as itself; most values are ASCII, and a CharsetEncoder per value was a
            // fifth of what a C-FIND answer allocated.
            return value.getBytes(StandardCharsets.US_ASCII);
        }
        if (!vr.isCharsetSensitive()) {
            return encodeStrictly(value, StandardCharsets.ISO_8859_1);
        }
        if (iso2022 != null) {
            return iso2022.encode(value, vr);
        }
        return encodeStrictly(value, charset);
    }

    /** Whether every character is 7-bit ASCII. */
    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private byte[] encodeStrictly(String value, Charset cs) {
        CharsetEncoder encoder = cs.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bytes = encoder.encode(CharBuffer.wrap(value));
            return Arrays.copyOf(bytes.array(), bytes.limit());
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Value holds characters outside " + this, e);
        }
    }

    /** Whether every character of the value exists in this set. */
    public boolean canEncode(String value) {
        if (iso2022 != null) {
            return iso2022.canEncode(value);
        }
        return isAscii(value) || charset.newEncoder().canEncode(value);
    }

    /**
     * The narrowest set that can carry all the values: the default repertoire for ASCII,
     * ISO_IR 100 when Latin-1 suffices, else ISO_IR 192 (PS3.3 C.12.1.1.2 asks only that the
     * set named be the one used).
     */
    public static SpecificCharacterSet forValues(Iterable<String> values) {
        SpecificCharacterSet chosen = DEFAULT;
        for (String value : values) {
            if (value == null || chosen.canEncode(value)) {
                continue;
            }
            chosen = LATIN_1.canEncode(value) && chosen != UTF_8 ? LATIN_1 : UTF_8;
        }
        return chosen;
    }

    /**
     * {@code preferred} (for example the set of a request, or a site's choice) when it can carry
     * every value, else {@link #forValues(Iterable)}.
     */
    public static SpecificCharacterSet forValues(Iterable<String> values,
            SpecificCharacterSet preferred) {
        for (String value : values) {
            if (value != null && !preferred.canEncode(value)) {
                return forValues(values);
            }
        }
        return preferred;
    }

    private static boolean hasHighBit(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpecificCharacterSet other && Arrays.equals(terms, other.terms);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(terms);
    }

    @Override
    public String toString() {
        return isDefault() ? "ISO_IR 6" : String.join("\\", terms);
    }
}
