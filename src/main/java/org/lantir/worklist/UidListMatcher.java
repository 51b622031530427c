package org.lantir.worklist;

import java.util.Set;

/**
 * List of UID matching (PS3.4 C.2.2.2.2): the stored UID equals one of the key's UIDs; a
 * single UID is a list of one.
 */
final class UidListMatcher implements ValueMatcher {

    private final Set<String> uids;

    UidListMatcher(Set<String> uids) {
        this.uids = Set.copyOf(uids);
    }

    @Override
    public boolean matches(String stored) {
        return uids.contains(stored);
    }
}
