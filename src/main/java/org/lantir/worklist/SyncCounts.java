package org.lantir.worklist;

/** What one sync run did to the worklist rows of its source. */
public record SyncCounts(int added, int updated, int unchanged, int removed) {

    public static final SyncCounts NONE = new SyncCounts(0, 0, 0, 0);

    /** Both counts added up, e.g. over the batches of one import. */
    public SyncCounts plus(SyncCounts other) {
        return new SyncCounts(added + other.added, updated + other.updated,
                unchanged + other.unchanged, removed + other.removed);
    }
}
