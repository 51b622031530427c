package org.lantir.dicom.net;

/**
 * AE title values (PS3.5 §6.2, VR AE): at most 16 characters of the default repertoire, no
 * backslash or control characters; leading and trailing spaces are not significant, so titles
 * are compared with them removed.
 */
public final class AeTitles {

    private AeTitles() {
    }

    /** The title without its padding spaces (null stays null). */
    static String strip(String title) {
        return title == null ? null : title.strip();
    }

    /** Whether two titles are the same AE title once padding is removed. */
    static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    /**
     * The stripped title.
     *
     * @throws IllegalArgumentException when it is empty or not a valid AE value
     */
    public static String require(String title, String what) {
        String stripped = strip(title);
        if (stripped == null || stripped.isEmpty()) {
            throw new IllegalArgumentException(what + ": an AE title must not be empty");
        }
        if (stripped.length() > 16) {
            throw new IllegalArgumentException(what + ": AE title '" + stripped
                    + "' is longer than 16 characters");
        }
        for (char c : stripped.toCharArray()) {
            if (c < 0x20 || c > 0x7E || c == '\\') {
                throw new IllegalArgumentException(what + ": AE title '" + stripped
                        + "' holds a character AE values may not contain (PS3.5 Table 6.2-1)");
            }
        }
        return stripped;
    }
}
