package org.lantir.worklist;

/**
 * Wild card matching (PS3.4 C.2.2.2.4): {@code *} stands for any run of characters, none
 * included, and {@code ?} for exactly one character; everything else is literal. Applies to
 * the whole value. Only built for the VRs that allow it (AE, CS, LO, LT, PN, SH, ST, UC, UR,
 * UT: {@link org.lantir.dicom.data.VR#allowsWildcards()}).
 *
 * <p>Matching walks key and value once, going back only to the last {@code *} seen, so it
 * takes at most (key length × value length) steps. A backtracking regular expression could
 * take far longer: a key such as {@code *a*a*a*a*b} over a 10240-character LT comment would
 * hold a C-FIND thread for hours. Characters are code points, so {@code ?} stands for one
 * character even outside the Basic Multilingual Plane.
 */
final class WildcardMatcher implements ValueMatcher {

    private final int[] key;
    private final boolean ignoreCase;

    WildcardMatcher(String key, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.key = SingleValueMatcher.fold(key, ignoreCase).codePoints().toArray();
    }

    static boolean hasWildcards(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    @Override
    public boolean matches(String stored) {
        int[] value = SingleValueMatcher.fold(stored, ignoreCase).codePoints().toArray();
        int k = 0;
        int v = 0;
        int lastStar = -1;
        int resumeAt = 0;
        while (v < value.length) {
            if (k < key.length && key[k] == '*') {
                lastStar = k++;
                resumeAt = v;
            } else if (k < key.length && (key[k] == '?' || key[k] == value[v])) {
                k++;
                v++;
            } else if (lastStar >= 0) {
                // The last * takes one more character; everything after it is tried again.
                k = lastStar + 1;
                v = ++resumeAt;
            } else {
                return false;
            }
        }
        while (k < key.length && key[k] == '*') {
            k++;
        }
        return k == key.length;
    }
}
