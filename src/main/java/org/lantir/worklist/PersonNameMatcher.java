package org.lantir.worklist;

import org.lantir.dicom.data.PersonName;

/**
 * Person Name matching (PS3.4 C.2.2.2.1 and C.2.2.2.4, PS3.5 §6.2.1.1): applies a single value
 * or wild card matcher to the stored name as {@link PersonName#format()} writes it, without
 * trailing empty components and groups ({@code DOE^JANE^^} is {@code DOE^JANE}). A key without
 * {@code =} is also tried on each component group alone, so an alphabetic key finds a name
 * that carries ideographic and phonetic groups too. Case folding, when the site keeps the
 * default case-insensitive policy, lives in the wrapped matcher and applies to single value
 * and wild card keys alike. The key itself is normalised by {@link MwlQueryParser}.
 */
final class PersonNameMatcher implements ValueMatcher {

    private final ValueMatcher inner;
    private final boolean keyHasGroups;

    PersonNameMatcher(ValueMatcher inner, boolean keyHasGroups) {
        this.inner = inner;
        this.keyHasGroups = keyHasGroups;
    }

    @Override
    public boolean matches(String stored) {
        PersonName name;
        try {
            name = PersonName.parse(stored);
        } catch (IllegalArgumentException notAName) {
            // More groups or components than PS3.5 allows: matched as it stands.
            return inner.matches(stored.strip());
        }
        if (inner.matches(name.format())) {
            return true;
        }
        if (keyHasGroups) {
            return false;
        }
        for (PersonName.Group group : PersonName.Group.values()) {
            String text = name.group(group);
            if (!text.isEmpty() && inner.matches(text)) {
                return true;
            }
        }
        return false;
    }
}
