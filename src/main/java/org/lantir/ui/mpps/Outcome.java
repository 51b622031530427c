package org.lantir.ui.mpps;

/** How the last request of a test dialog ended, for its colour; the words say the rest. */
public enum Outcome {
    /** Nothing sent yet. */
    NONE,
    /** Sent; waiting for the answer. */
    WAITING,
    /** Success, or a warning: the server did what was asked. */
    DONE,
    /** A failure status, a refusal, a network problem or a field to correct. */
    FAILED
}
