/**
 * The in-process event feed: worklist, MPPS, sync, association and server events, delivered in
 * order on one feed thread to whoever subscribes (the desktop window, the REST API, tests).
 */
package org.lantir.events;
