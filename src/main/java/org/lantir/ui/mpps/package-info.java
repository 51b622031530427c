/**
 * The MPPS events screen, and the test dialogs a technologist uses to check the server as a
 * scanner would: an MPPS step for a worklist row ({@link org.lantir.ui.mpps.MppsTestDialog})
 * and a C-ECHO with the worklist a scanner would get ({@link
 * org.lantir.ui.mpps.WorklistQueryDialog}). The dialogs call the same
 * {@link org.lantir.scu.ModalitySimulator} as the command line's test commands.
 */
package org.lantir.ui.mpps;
