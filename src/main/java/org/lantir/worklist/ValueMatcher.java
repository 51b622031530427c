package org.lantir.worklist;

/**
 * Decides whether one stored value fits one matching key value (PS3.4 C.2.2.2). The caller
 * never passes an empty stored value: a zero-length value in the worklist matches no
 * non-universal key (PS3.4 K.2.2.1.1.1).
 */
interface ValueMatcher {

    boolean matches(String stored);
}
