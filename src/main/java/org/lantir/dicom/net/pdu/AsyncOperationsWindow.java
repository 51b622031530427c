package org.lantir.dicom.net.pdu;

/**
 * An Asynchronous Operations Window sub-item (53H, PS3.7 Annex D.3.3.3): the maximum number of
 * outstanding operations invoked and performed. Zero means unlimited.
 */
public record AsyncOperationsWindow(int maxOperationsInvoked, int maxOperationsPerformed) {
}
