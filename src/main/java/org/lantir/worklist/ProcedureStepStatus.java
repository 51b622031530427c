package org.lantir.worklist;

import java.util.Locale;
import java.util.Optional;

/**
 * Status of a Scheduled Procedure Step as Lantir stores it.
 *
 * <p>The stored words are the Python tool's (its database and REST API use them); on the wire
 * the Scheduled Procedure Step Status (0040,0020) uses the defined terms of PS3.3 C.4.10.1
 * ({@code SCHEDULED}, {@code STARTED}, {@code COMPLETED}, {@code DISCONTINUED}), so
 * {@link #IN_PROGRESS} goes out as {@code STARTED}.
 */
public enum ProcedureStepStatus {
    SCHEDULED("SCHEDULED"),
    IN_PROGRESS("STARTED"),
    COMPLETED("COMPLETED"),
    DISCONTINUED("DISCONTINUED");

    private final String dicomTerm;

    ProcedureStepStatus(String dicomTerm) {
        this.dicomTerm = dicomTerm;
    }

    /** The PS3.3 C.4.10.1 defined term sent in Scheduled Procedure Step Status. */
    public String dicomTerm() {
        return dicomTerm;
    }

    /** Whether a Performed Procedure Step has finished this step for good. */
    public boolean isFinal() {
        return this == COMPLETED || this == DISCONTINUED;
    }

    /** The status named by a defined term on the wire ({@code STARTED} included). */
    public static Optional<ProcedureStepStatus> fromDicomTerm(String term) {
        for (ProcedureStepStatus status : values()) {
            if (status.dicomTerm.equals(term)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /**
     * The status stored under a database or REST word; case and the space of "IN PROGRESS"
     * are forgiven, since the Python tool's users typed both.
     */
    public static Optional<ProcedureStepStatus> fromStoredWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String normal = word.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ProcedureStepStatus status : values()) {
            if (status.name().equals(normal)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
