package org.lantir.dicom.net;

import java.net.InetSocketAddress;

/**
 * What a service may know of the association a request came on.
 *
 * @param name log name, {@code CALLED<-CALLING#serial}
 * @param callingAeTitle the requestor's AE title, padding removed
 * @param calledAeTitle the AE title the requestor addressed, padding removed
 */
public record AssociationInfo(String name, String callingAeTitle, String calledAeTitle,
        InetSocketAddress remoteAddress) {
}
