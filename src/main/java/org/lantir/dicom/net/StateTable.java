package org.lantir.dicom.net;

import static org.lantir.dicom.net.UpperLayerAction.AA_1;
import static org.lantir.dicom.net.UpperLayerAction.AA_2;
import static org.lantir.dicom.net.UpperLayerAction.AA_3;
import static org.lantir.dicom.net.UpperLayerAction.AA_4;
import static org.lantir.dicom.net.UpperLayerAction.AA_5;
import static org.lantir.dicom.net.UpperLayerAction.AA_6;
import static org.lantir.dicom.net.UpperLayerAction.AA_7;
import static org.lantir.dicom.net.UpperLayerAction.AA_8;
import static org.lantir.dicom.net.UpperLayerAction.AE_1;
import static org.lantir.dicom.net.UpperLayerAction.AE_2;
import static org.lantir.dicom.net.UpperLayerAction.AE_3;
import static org.lantir.dicom.net.UpperLayerAction.AE_4;
import static org.lantir.dicom.net.UpperLayerAction.AE_5;
import static org.lantir.dicom.net.UpperLayerAction.AE_6;
import static org.lantir.dicom.net.UpperLayerAction.AE_7;
import static org.lantir.dicom.net.UpperLayerAction.AE_8;
import static org.lantir.dicom.net.UpperLayerAction.AR_1;
import static org.lantir.dicom.net.UpperLayerAction.AR_10;
import static org.lantir.dicom.net.UpperLayerAction.AR_2;
import static org.lantir.dicom.net.UpperLayerAction.AR_3;
import static org.lantir.dicom.net.UpperLayerAction.AR_4;
import static org.lantir.dicom.net.UpperLayerAction.AR_5;
import static org.lantir.dicom.net.UpperLayerAction.AR_6;
import static org.lantir.dicom.net.UpperLayerAction.AR_7;
import static org.lantir.dicom.net.UpperLayerAction.AR_8;
import static org.lantir.dicom.net.UpperLayerAction.AR_9;
import static org.lantir.dicom.net.UpperLayerAction.DT_1;
import static org.lantir.dicom.net.UpperLayerAction.DT_2;

import java.util.EnumMap;
import java.util.Map;

/**
 * The DICOM Upper Layer state transition table, PS3.8 Table 9-10: for each event (row) the
 * action taken in each state (columns Sta1 to Sta13). An empty cell ({@code __}) is a
 * combination the standard does not define.
 */
final class StateTable {

    private static final UpperLayerAction __ = null;

    private static final Map<UpperLayerEvent, UpperLayerAction[]> TABLE =
            new EnumMap<>(UpperLayerEvent.class);

    static {
        //           Sta1  Sta2  Sta3  Sta4  Sta5  Sta6  Sta7  Sta8  Sta9 Sta10 Sta11 Sta12 Sta13
        row(UpperLayerEvent.EVT1,
                AE_1, __, __, __, __, __, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT2,
                __, __, __, AE_2, __, __, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT3,
                __, AA_1, AA_8, __, AE_3, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(UpperLayerEvent.EVT4,
                __, AA_1, AA_8, __, AE_4, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(UpperLayerEvent.EVT5,
                AE_5, __, __, __, __, __, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT6,
                __, AE_6, AA_8, __, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7);
        row(UpperLayerEvent.EVT7,
                __, __, AE_7, __, __, __, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT8,
                __, __, AE_8, __, __, __, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT9,
                __, __, __, __, __, DT_1, __, AR_7, __, __, __, __, __);
        row(UpperLayerEvent.EVT10,
                __, AA_1, AA_8, __, AA_8, DT_2, AR_6, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(UpperLayerEvent.EVT11,
                __, __, __, __, __, AR_1, __, __, __, __, __, __, __);
        row(UpperLayerEvent.EVT12,
                __, AA_1, AA_8, __, AA_8, AR_2, AR_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_6);
        row(UpperLayerEvent.EVT13,
                __, AA_1, AA_8, __, AA_8, AA_8, AR_3, AA_8, AA_8, AR_10, AR_3, AA_8, AA_6);
        row(UpperLayerEvent.EVT14,
                __, __, __, __, __, __, __, AR_4, AR_9, __, __, AR_4, __);
        row(UpperLayerEvent.EVT15,
                __, __, AA_1, AA_2, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, AA_1, __);
        row(UpperLayerEvent.EVT16,
                __, AA_2, AA_3, __, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_3, AA_2);
        row(UpperLayerEvent.EVT17,
                __, AA_5, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AA_4, AR_5);
        row(UpperLayerEvent.EVT18,
                __, AA_2, __, __, __, __, __, __, __, __, __, __, AA_2);
        row(UpperLayerEvent.EVT19,
                __, AA_1, AA_8, __, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_8, AA_7);
    }

    private StateTable() {
    }

    private static void row(UpperLayerEvent event, UpperLayerAction... actions) {
        if (actions.length != UpperLayerState.values().length) {
            throw new IllegalStateException("Row " + event + " has " + actions.length + " cells");
        }
        TABLE.put(event, actions);
    }

    /** The action for an event in a state, or null where Table 9-10 has no entry. */
    static UpperLayerAction action(UpperLayerState state, UpperLayerEvent event) {
        return TABLE.get(event)[state.ordinal()];
    }
}
