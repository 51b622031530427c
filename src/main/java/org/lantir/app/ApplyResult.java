package org.lantir.app;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Lantir#apply} did with a new configuration, in plain words for the window.
 *
 * @param server what happened to the DICOM server
 * @param sync what happened to the data-source schedules
 * @param worklistUpdated whether the worklist settings (visible statuses, person-name case,
 *        rows without a station, UID root) changed in place
 * @param atNextStart settings saved but used only from the next start (e.g. {@code db_path})
 * @param messages one line per thing done or left to do
 * @param problems one line per thing that did not work; the rest of the change still holds
 */
public record ApplyResult(Change server, Change sync, boolean worklistUpdated,
        List<String> atNextStart, List<String> messages, List<String> problems) {

    /** What happened to one service. */
    public enum Change {
        /** Its settings did not change; it was left alone. */
        UNCHANGED,
        /** It was stopped and started again with the new settings. */
        RESTARTED,
        /** It was not running; the new settings apply when it is started. */
        UPDATED_STOPPED,
        /** It could not start with the new settings and is stopped (see the problems). */
        FAILED
    }

    public ApplyResult {
        atNextStart = List.copyOf(atNextStart);
        messages = List.copyOf(messages);
        problems = List.copyOf(problems);
    }

    /** Whether the new configuration changed nothing that runs. */
    public boolean nothingChanged() {
        return server == Change.UNCHANGED && sync == Change.UNCHANGED && !worklistUpdated
                && atNextStart.isEmpty();
    }

    /** The messages, then the problems: every line the window shows. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>(messages);
        lines.addAll(problems);
        return lines;
    }
}
