package org.lantir.worklist;

import java.util.regex.Pattern;

/**
 * Wild card matching (PS3.4 C.2.2.2.4): {@code *} stands for any run of characters, none
 * included, and {@code ?} for exactly one character; everything else is literal. Applies to
 * the whole value. Only built for the VRs that allow it (AE, CS, LO, LT, PN, SH, ST, UC, UR,
 * UT: {@link org.lantir.dicom.data.VR#allowsWildcards()}).
 */
final class WildcardMatcher implements ValueMatcher {

    private final Pattern pattern;
    private final boolean ignoreCase;

    WildcardMatcher(String key, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.pattern = Pattern.compile(toRegex(SingleValueMatcher.fold(key, ignoreCase)),
                Pattern.DOTALL);
    }

    static boolean hasWildcards(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    @Override
    public boolean matches(String stored) {
        return pattern.matcher(SingleValueMatcher.fold(stored, ignoreCase)).matches();
    }

    private static String toRegex(String key) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '*' && c != '?') {
                literal.append(c);
                continue;
            }
            flush(regex, literal);
            regex.append(c == '*' ? ".*" : ".");
        }
        flush(regex, literal);
        return regex.toString();
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
