/**
 * DICOM networking: the Upper Layer protocol (PS3.8 §9: state machine of Table 9-10, ARTIM
 * timer, association negotiation of §9.3 and Annex D), DIMSE messages (PS3.7 §6.3, §9, §10,
 * Annex E) and their dispatch to {@link org.lantir.dicom.net.DimseService}s, as acceptor
 * ({@link org.lantir.dicom.net.DicomServer}) and as requestor
 * ({@link org.lantir.dicom.net.DicomClient}). Needs only {@code org.lantir.dicom.data}.
 *
 * <p>Threads: one acceptor; per association one reader (the state machine's events) and one
 * serial worker (DIMSE services), so a C-CANCEL is read while a C-FIND runs and responses
 * keep request order; ARTIM, idle and write-deadline timers through an injected
 * {@link org.lantir.dicom.net.TimerService}. See {@code docs/decisions/upper-layer.md}.
 *
 * <p>TODO(#2): Table 9-10, Table 9-18, Table 9-21 and Table 9-26 were transcribed from PS3.8
 * without a side-by-side check against a named edition; check them against PS3.8 2025b and
 * name the edition here.
 */
package org.lantir.dicom.net;
