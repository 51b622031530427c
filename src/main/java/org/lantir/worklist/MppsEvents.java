package org.lantir.worklist;

/**
 * How MPPS steps are written to the {@link EventLog}, and read back from it: one line per
 * N-CREATE ({@link #CREATED}) and per N-SET ({@link #UPDATED}), the SOP Instance UID as
 * subject, the calling AE title as source, and a message that starts with the step's status
 * (e.g. {@code "COMPLETED; matched by scheduled-step"}).
 */
public final class MppsEvents {

    /** The prefix every MPPS kind shares, for {@link EventLog#recentByKindPrefix}. */
    public static final String KIND_PREFIX = "MPPS_";
    public static final String CREATED = "MPPS_CREATED";
    public static final String UPDATED = "MPPS_UPDATED";

    /** The status an N-CREATE starts a step in, and the only one an N-SET may change. */
    public static final String IN_PROGRESS = MppsAttributes.IN_PROGRESS;

    private static final String SEPARATOR = "; ";

    private MppsEvents() {
    }

    /** The message of a log line: the status, then how the step found its worklist row. */
    static String message(String status, String matchedBy) {
        return status + SEPARATOR + (matchedBy == null ? "matches no worklist row"
                : "matched by " + matchedBy);
    }

    /** The status the step had after the logged request, or null when the line has none. */
    public static String statusOf(EventRecord event) {
        String message = event.message();
        if (message == null || message.isBlank()) {
            return null;
        }
        int end = message.indexOf(SEPARATOR);
        return (end < 0 ? message : message.substring(0, end)).strip();
    }

    /**
     * The status the step had before the logged request: none before an N-CREATE, and
     * IN PROGRESS before any N-SET, since a step that is COMPLETED or DISCONTINUED may no
     * longer be updated (PS3.4 F.7.2.2.3).
     */
    public static String previousStatusOf(EventRecord event) {
        return UPDATED.equals(event.kind()) ? IN_PROGRESS : null;
    }
}
