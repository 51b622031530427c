/**
 * The sync screen: a card per configured data source ({@link org.lantir.ui.sync.SourceCardModel})
 * with its state, last and next run, Start / Stop of its schedule and Sync now, above the
 * recent runs read from the event log through {@link org.lantir.sync.SyncHistory}.
 */
package org.lantir.ui.sync;
