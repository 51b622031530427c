package org.lantir.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The character repertoires named by Specific Character Set (0008,0005) (PS3.3 C.12.1.1.2,
 * PS3.5 §6.1): decodes received text values and encodes values for sending.
 *
 * <p>TODO(#2): ISO 2022 code extensions (multi-valued terms with escape sequences) are
 * decoded and encoded as their first term only.
 */
public final class SpecificCharacterSet {

    /** The default repertoire (ISO_IR 6, ASCII). */
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(
            new String[0], StandardCharsets.US_ASCII);

    /** ISO_IR 192, UTF-8. */
    public static final SpecificCharacterSet UTF_8 = new SpecificCharacterSet(
            new String[] {"ISO_IR 192"}, StandardCharsets.UTF_8);

    /** ISO_IR 100, Latin alphabet No. 1. */
    public static final SpecificCharacterSet LATIN_1 = new SpecificCharacterSet(
            new String[] {"ISO_IR 100"}, StandardCharsets.ISO_8859_1);

    private static final Map<String, String> JAVA_NAMES = new LinkedHashMap<>();

    static {
        JAVA_NAMES.put("ISO_IR 6", "US-ASCII");
        JAVA_NAMES.put("ISO_IR 100", "ISO-8859-1");
        JAVA_NAMES.put("ISO_IR 101", "ISO-8859-2");
        JAVA_NAMES.put("ISO_IR 109", "ISO-8859-3");
        JAVA_NAMES.put("ISO_IR 110", "ISO-8859-4");
        JAVA_NAMES.put("ISO_IR 144", "ISO-8859-5");
        JAVA_NAMES.put("ISO_IR 127", "ISO-8859-6");
        JAVA_NAMES.put("ISO_IR 126", "ISO-8859-7");
        JAVA_NAMES.put("ISO_IR 138", "ISO-8859-8");
        JAVA_NAMES.put("ISO_IR 148", "ISO-8859-9");
        JAVA_NAMES.put("ISO_IR 166", "TIS-620");
        JAVA_NAMES.put("ISO_IR 13", "JIS_X0201");
        JAVA_NAMES.put("ISO_IR 192", "UTF-8");
        JAVA_NAMES.put("GB18030", "GB18030");
        JAVA_NAMES.put("GBK", "GBK");
    }

    private final String[] terms;
    private final Charset charset;

    private SpecificCharacterSet(String[] terms, Charset charset) {
        this.terms = terms;
        this.charset = charset;
    }

    /**
     * The set named by the values of (0008,0005). No value, or an empty first value, is the
     * default repertoire.
     *
     * @throws IllegalArgumentException when a term is not one Lantir supports
     */
    public static SpecificCharacterSet of(String... terms) {
        if (terms == null || terms.length == 0) {
            return DEFAULT;
        }
        String first = normalize(terms[0]);
        if (first.isEmpty() && terms.length == 1) {
            return DEFAULT;
        }
        String javaName = JAVA_NAMES.get(first.replace("ISO 2022 IR ", "ISO_IR "));
        if (first.isEmpty()) {
            javaName = "US-ASCII";
        }
        if (javaName == null) {
            throw new IllegalArgumentException("Unsupported Specific Character Set " + first);
        }
        return new SpecificCharacterSet(terms.clone(), Charset.forName(javaName));
    }

    private static String normalize(String term) {
        return term == null ? "" : term.trim().toUpperCase(Locale.ROOT);
    }

    /** The defined terms, as they go into (0008,0005); empty for the default repertoire. */
    public String[] terms() {
        return terms.clone();
    }

    public boolean isDefault() {
        return terms.length == 0;
    }

    /** Decodes a text value of the given VR. */
    public String decode(byte[] bytes, int offset, int length, VR vr) {
        Charset cs = vr.isCharsetSensitive() ? charset : StandardCharsets.US_ASCII;
        if (cs == StandardCharsets.US_ASCII && hasHighBit(bytes, offset, length)) {
            // Undeclared 8-bit bytes: keep them readable instead of replacing them by U+FFFD.
            cs = StandardCharsets.ISO_8859_1;
        }
        return new String(bytes, offset, length, cs);
    }

    /** Encodes a text value of the given VR. */
    public byte[] encode(String value, VR vr) {
        Charset cs = vr.isCharsetSensitive() ? charset : StandardCharsets.US_ASCII;
        return value.getBytes(cs);
    }

    /** Whether every character of the value exists in this set. */
    public boolean canEncode(String value) {
        return charset.newEncoder().canEncode(value);
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
