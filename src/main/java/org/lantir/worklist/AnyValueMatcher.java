package org.lantir.worklist;

import java.util.List;

/**
 * A key with several values separated by backslashes. Without the extended negotiation of
 * PS3.4 C.2.2.2.8 their meaning is undefined (its Note 4); Lantir documents that the stored
 * value matches when it fits any one of them, which is what consoles sending
 * {@code MR\CT} mean.
 */
final class AnyValueMatcher implements ValueMatcher {

    private final List<ValueMatcher> alternatives;

    AnyValueMatcher(List<ValueMatcher> alternatives) {
        this.alternatives = List.copyOf(alternatives);
    }

    List<ValueMatcher> alternatives() {
        return alternatives;
    }

    @Override
    public boolean matches(String stored) {
        for (ValueMatcher alternative : alternatives) {
            if (alternative.matches(stored)) {
                return true;
            }
        }
        return false;
    }
}
