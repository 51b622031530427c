package org.lantir.dicom.data;

/**
 * Value Representations of PS3.5 §6.2 (Table 6.2-1), with the encoding facts the codec needs:
 * the explicit-VR header form of PS3.5 §7.1.2 (Table 7.1-1 / 7.1-2), the padding byte, and
 * whether the value is text, affected by Specific Character Set, multi-valued and open to
 * wild card matching (PS3.4 C.2.2.2.4).
 */
public enum VR {
    AE(Kind.TEXT, 16, false, true, true),
    AS(Kind.TEXT, 4, false, true, false),
    AT(Kind.BINARY, 4, false, true, false),
    CS(Kind.TEXT, 16, false, true, true),
    DA(Kind.TEXT, 8, false, true, false),
    DS(Kind.TEXT, 16, false, true, false),
    DT(Kind.TEXT, 26, false, true, false),
    FL(Kind.BINARY, 4, false, true, false),
    FD(Kind.BINARY, 8, false, true, false),
    IS(Kind.TEXT, 12, false, true, false),
    LO(Kind.TEXT, 64, true, true, true),
    LT(Kind.TEXT, 10240, true, false, true),
    OB(Kind.BINARY, 0, false, false, false),
    OD(Kind.BINARY, 0, false, false, false),
    OF(Kind.BINARY, 0, false, false, false),
    OL(Kind.BINARY, 0, false, false, false),
    OV(Kind.BINARY, 0, false, false, false),
    OW(Kind.BINARY, 0, false, false, false),
    PN(Kind.TEXT, 64, true, true, true),
    SH(Kind.TEXT, 16, true, true, true),
    SL(Kind.BINARY, 4, false, true, false),
    SQ(Kind.SEQUENCE, 0, false, false, false),
    SS(Kind.BINARY, 2, false, true, false),
    ST(Kind.TEXT, 1024, true, false, true),
    SV(Kind.BINARY, 8, false, true, false),
    TM(Kind.TEXT, 14, false, true, false),
    UC(Kind.TEXT, 0, true, true, true),
    UI(Kind.TEXT, 64, false, true, false),
    UL(Kind.BINARY, 4, false, true, false),
    UN(Kind.BINARY, 0, false, false, false),
    UR(Kind.TEXT, 0, false, false, true),
    US(Kind.BINARY, 2, false, true, false),
    UT(Kind.TEXT, 0, true, false, true),
    UV(Kind.BINARY, 8, false, true, false);

    private enum Kind { TEXT, BINARY, SEQUENCE }

    private final Kind kind;
    private final int maxLength;
    private final boolean charsetSensitive;
    private final boolean multiValued;
    private final boolean wildcards;

    VR(Kind kind, int maxLength, boolean charsetSensitive, boolean multiValued,
            boolean wildcards) {
        this.kind = kind;
        this.maxLength = maxLength;
        this.charsetSensitive = charsetSensitive;
        this.multiValued = multiValued;
        this.wildcards = wildcards;
    }

    /** The two-character code written in explicit VR headers. */
    public int code() {
        String name = name();
        return (name.charAt(0) << 8) | name.charAt(1);
    }

    /** The VR named by a two-byte explicit VR code, or null when the code is not a VR. */
    public static VR fromCode(int code) {
        char first = (char) ((code >> 8) & 0xFF);
        char second = (char) (code & 0xFF);
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return null;
        }
        try {
            return valueOf("" + first + second);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Whether explicit VR encoding uses two reserved bytes and a 32-bit length for this VR
     * (PS3.5 Table 7.1-1) rather than a 16-bit length (Table 7.1-2).
     */
    public boolean hasLongHeader() {
        switch (this) {
            case OB: case OD: case OF: case OL: case OV: case OW:
            case SQ: case SV: case UC: case UN: case UR: case UT: case UV:
                return true;
            default:
                return false;
        }
    }

    /** The byte that pads a value to even length (PS3.5 §6.2: NUL for UI and binary). */
    public byte paddingByte() {
        return (this == UI || kind == Kind.BINARY) ? 0 : (byte) ' ';
    }

    public boolean isText() {
        return kind == Kind.TEXT;
    }

    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    public boolean isBinary() {
        return kind == Kind.BINARY;
    }

    /** Whether Specific Character Set (0008,0005) applies to this VR (PS3.5 §6.1.2.2). */
    public boolean isCharsetSensitive() {
        return charsetSensitive;
    }

    /** Whether a backslash separates values (PS3.5 §6.4); LT, ST, UT and UR hold one value. */
    public boolean isMultiValued() {
        return multiValued;
    }

    /** Whether {@code *} and {@code ?} are wild cards in a key of this VR (PS3.4 C.2.2.2.4). */
    public boolean allowsWildcards() {
        return wildcards;
    }

    /**
     * Maximum length of one value in characters (text) or bytes (fixed binary), 0 when the
     * standard sets none that matters here (PS3.5 Table 6.2-1; PN counts per component group).
     */
    public int maxLength() {
        return maxLength;
    }
}
