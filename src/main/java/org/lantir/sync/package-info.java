/**
 * Feeding the worklist from outside systems. A {@link org.lantir.sync.DataSource} fetches and
 * maps the rows of one {@link org.lantir.sync.SyncWindow}; the
 * {@link org.lantir.sync.SyncScheduler} runs each source on its own thread inside its
 * operation interval, plans windows with {@link org.lantir.sync.SyncWindowPlanner} (full
 * export first and on demand, then incremental with an overlap), hands the rows to a
 * {@link org.lantir.sync.SyncSink}, and records each run in the
 * {@link org.lantir.sync.SyncStateStore}, the event log ({@link org.lantir.sync.SyncHistory})
 * and the event feed; the rows, the state and the log entry of a run are one transaction of
 * the sink. Nothing here knows SQL or DICOM.
 */
package org.lantir.sync;
