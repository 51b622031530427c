package org.lantir.dicom.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lantir.dicom.net.pdu.PDV;
import org.lantir.dicom.net.pdu.PDataTF;

/**
 * Splits a DIMSE message into P-DATA-TF PDUs (PS3.8 §9.3.5, Annex E): the command set and the
 * data set in PDVs of their own, the last fragment of each marked, and every PDU no longer
 * than the peer's Maximum Length (PS3.8 Annex D.1; 0 means no limit). PDVs are packed so a
 * small command and data set travel in one PDU.
 */
final class PDataFragmenter {

    /** Bytes a PDV adds to its fragment: item length (4), context ID, message header. */
    private static final int PDV_OVERHEAD = 6;

    private final long maxPduLength;
    private final List<PDataTF> pdus = new ArrayList<>();
    private List<PDV> current = new ArrayList<>();
    private long used;

    private PDataFragmenter(long maxPduLength) {
        // DEVIATION: a maximum below 7 bytes cannot carry a fragment byte; such PDUs carry
        // one byte each and exceed it. PS3.8 D.1 sets no lower bound.
        this.maxPduLength = maxPduLength == 0 ? Long.MAX_VALUE : Math.max(maxPduLength, 7);
    }

    /**
     * The PDUs carrying one message.
     *
     * @param data the encoded data set, or null when the command has none
     * @param maxPduLength the peer's Maximum Length, 0 for no limit
     */
    static List<PDataTF> fragment(int contextId, byte[] command, byte[] data,
            long maxPduLength) {
        PDataFragmenter fragmenter = new PDataFragmenter(maxPduLength);
        fragmenter.add(contextId, true, command);
        if (data != null) {
            fragmenter.add(contextId, false, data);
        }
        fragmenter.flush();
        return fragmenter.pdus;
    }

    private void add(int contextId, boolean isCommand, byte[] bytes) {
        int offset = 0;
        do {
            if (maxPduLength - used <= PDV_OVERHEAD) {
                flush();
            }
            long room = maxPduLength - used - PDV_OVERHEAD;
            int length = (int) Math.min(bytes.length - offset, Math.min(room, Integer.MAX_VALUE));
            boolean last = offset + length == bytes.length;
            byte[] fragment = Arrays.copyOfRange(bytes, offset, offset + length);
            current.add(PDV.of(contextId, isCommand, last, fragment));
            used += PDV_OVERHEAD + length;
            offset += length;
        } while (offset < bytes.length);
    }

    private void flush() {
        if (!current.isEmpty()) {
            pdus.add(new PDataTF(current));
            current = new ArrayList<>();
            used = 0;
        }
    }
}
