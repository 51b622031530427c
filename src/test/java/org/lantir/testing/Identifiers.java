package org.lantir.testing;

import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.ElementDictionary;
import org.lantir.dicom.data.Tag;

/** Builds C-FIND identifiers and MPPS attribute sets the way the case .dump files do. */
public final class Identifiers {

    private Identifiers() {
    }

    /** Sets zero-length elements with their dictionary VRs. */
    public static Dataset empty(Dataset ds, int... tags) {
        for (int tag : tags) {
            ds.setEmpty(tag, ElementDictionary.vrOf(tag));
        }
        return ds;
    }

    public static Dataset set(Dataset ds, int tag, String value) {
        ds.setString(tag, value);
        return ds;
    }

    /** Adds the single Scheduled Procedure Step Sequence item and returns it. */
    public static Dataset sps(Dataset identifier) {
        return identifier.addItem(Tag.ScheduledProcedureStepSequence);
    }
}
