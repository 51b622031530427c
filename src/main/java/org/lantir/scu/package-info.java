/**
 * Lantir as a modality would call it: C-ECHO, a Modality Worklist C-FIND and MPPS N-CREATE /
 * N-SET against a DICOM server, with every status and failure returned as a value. The
 * command line's {@code test-client} and {@code test-mpps} and the desktop console's test
 * dialogs call the same {@link org.lantir.scu.ModalitySimulator}.
 */
package org.lantir.scu;
