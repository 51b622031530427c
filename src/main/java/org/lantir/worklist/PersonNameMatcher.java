package org.lantir.worklist;

/**
 * Person Name matching (PS3.4 C.2.2.2.1 and C.2.2.2.4, PS3.5 §6.2.1.1): applies a single value
 * or wild card matcher to the stored name after dropping trailing empty components and groups
 * ({@code DOE^JANE^^} is {@code DOE^JANE}). A key without {@code =} is also tried on each
 * component group alone, so an alphabetic key finds a name that carries ideographic and
 * phonetic groups too. Case folding, when the site keeps the default case-insensitive policy,
 * lives in the wrapped matcher and applies to single value and wild card keys alike.
 */
final class PersonNameMatcher implements ValueMatcher {

    private final ValueMatcher inner;
    private final boolean keyHasGroups;

    PersonNameMatcher(ValueMatcher inner, boolean keyHasGroups) {
        this.inner = inner;
        this.keyHasGroups = keyHasGroups;
    }

    /** The key value without trailing empty components or groups. */
    static String normalizeKey(String key) {
        return trimTrailing(key.strip(), "^=");
    }

    @Override
    public boolean matches(String stored) {
        String[] groups = stored.split("=", -1);
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            groups[i] = trimTrailing(groups[i].strip(), "^");
            if (i > 0) {
                whole.append('=');
            }
            whole.append(groups[i]);
        }
        if (inner.matches(trimTrailing(whole.toString(), "="))) {
            return true;
        }
        if (keyHasGroups || groups.length == 1) {
            return false;
        }
        for (String group : groups) {
            if (!group.isEmpty() && inner.matches(group)) {
                return true;
            }
        }
        return false;
    }

    private static String trimTrailing(String value, String chars) {
        int end = value.length();
        while (end > 0 && chars.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }
}
