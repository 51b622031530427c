package org.lantir.worklist;

import java.util.Locale;

/**
 * Single value matching (PS3.4 C.2.2.2.1): the stored value equals the key. Case matters,
 * except where the policy folds it (Lantir folds only PN, never CS: PS3.4 C.2.2.2.1 lets an
 * implementation ignore case for PN only).
 */
final class SingleValueMatcher implements ValueMatcher {

    private final String key;
    private final boolean ignoreCase;

    SingleValueMatcher(String key, boolean ignoreCase) {
        this.ignoreCase = ignoreCase;
        this.key = fold(key, ignoreCase);
    }

    /** The key value as received (folded when case is ignored). */
    String key() {
        return key;
    }

    boolean ignoresCase() {
        return ignoreCase;
    }

    @Override
    public boolean matches(String stored) {
        return key.equals(fold(stored, ignoreCase));
    }

    static String fold(String value, boolean ignoreCase) {
        return ignoreCase ? value.toUpperCase(Locale.ROOT) : value;
    }
}
