package org.lantir.ui.sync;

/** Where a source stands, as its card says it in words and colour. */
public enum SourceState {

    DISABLED("Disabled", "sync-state-off"),
    /** Enabled, but Lantir could not start it (e.g. its settings are incomplete). */
    NOT_RUNNING("Not running", "status-discontinued"),
    SCHEDULED("Scheduled", "status-scheduled"),
    /** Scheduled, waiting longer than its interval after failed runs. */
    RETRYING("Retrying", "status-discontinued"),
    PAUSED("Paused", "sync-state-off"),
    RUNNING("Running now", "status-in-progress"),
    OUTSIDE_WINDOW("Outside its operation window", "sync-state-off");

    private final String label;
    private final String styleClass;

    SourceState(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    /** The pill's colour class in lantir.css; the label always goes with it. */
    public String styleClass() {
        return styleClass;
    }
}
