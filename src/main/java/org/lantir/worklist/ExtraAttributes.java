package org.lantir.worklist;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.SpecificCharacterSetLabel;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;

/**
 * The attributes of a worklist row that Lantir has no column for, kept as they came from a
 * DICOM worklist file (dcmtk's and Orthanc's {@code .wl}) so that a C-FIND answers them back:
 * e.g. Admission ID, Medical Alerts, Requested Procedure Priority, Scheduled Procedure Step
 * Location, a Scheduled Protocol Code Sequence of several codes.
 *
 * <p>The data set has the shape of the row's answer (PS3.4 Table K.6-1): patient, visit,
 * request and requested procedure attributes at the top, and the Scheduled Procedure Step's
 * in the one item of a Scheduled Procedure Step Sequence (0040,0100). The columns of the row
 * win over anything here (see {@link MwlItemView}), so that a hand edit or an MPPS status is
 * what a scanner sees.
 *
 * <p>Immutable: held encoded in Explicit VR Little Endian, text in UTF-8 (ISO_IR 192, or the
 * default repertoire when it suffices), as the {@code extra_attributes} column stores it; each
 * {@link #dataset()} is a fresh copy. Equal when the encodings are, which is what a re-sync
 * compares to tell "updated" from "unchanged".
 */
public final class ExtraAttributes {

    /** (FFFC,FFFC), PS3.10 §7.2: padding at the end of a file, no attribute. */
    private static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;

    private final byte[] encoded;

    private ExtraAttributes(byte[] encoded) {
        this.encoded = encoded;
    }

    /**
     * Keeps a data set; null when it holds nothing. Character sets declared inside items are
     * dropped: the values are already decoded, and the whole set is written in one.
     *
     * @throws IllegalArgumentException when a value cannot be encoded
     */
    public static ExtraAttributes of(Dataset attributes) {
        Dataset copy = attributes.copy();
        copy.remove(Tag.SpecificCharacterSet);
        dropNestedCharsets(copy);
        if (isEmpty(copy)) {
            return null;
        }
        SpecificCharacterSetLabel.apply(copy, null);
        return new ExtraAttributes(DicomWriter.write(copy,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
    }

    /**
     * What a worklist file's entry holds beyond the columns: every attribute of {@code top}
     * (the patient, request and requested procedure level) and of {@code step} (one item of
     * its Scheduled Procedure Step Sequence) that no column of the row holds. The two code
     * sequences are kept whole, as the columns hold only their first code's triplet; Specific
     * Character Set, group lengths, data set padding (FFFC,FFFC) and private attributes,
     * which a C-FIND never answers, are left out.
     *
     * @return the kept attributes, or null when there are none
     * @throws IllegalArgumentException when a value cannot be encoded
     */
    public static ExtraAttributes beyondColumns(Dataset top, Dataset step) {
        Dataset kept = new Dataset();
        copyBeyond(top, kept, MwlLevel.TOP, Tag.RequestedProcedureCodeSequence);
        kept.remove(Tag.ScheduledProcedureStepSequence);
        Dataset keptStep = new Dataset();
        copyBeyond(step, keptStep, MwlLevel.SCHEDULED_STEP, Tag.ScheduledProtocolCodeSequence);
        if (!keptStep.isEmpty()) {
            kept.newSequence(Tag.ScheduledProcedureStepSequence).add(keptStep);
        }
        return of(kept);
    }

    private static void copyBeyond(Dataset from, Dataset to, MwlLevel columns, int codeTag) {
        Dataset copy = from.copy();
        for (Element e : copy) {
            int tag = e.tag();
            boolean neverAnswered = tag == Tag.SpecificCharacterSet || Tag.element(tag) == 0
                    || Tag.group(tag) <= 0x0002 || tag == DATA_SET_TRAILING_PADDING
                    || Tag.isPrivate(tag);
            if (!neverAnswered && (columns.vrOf(tag) == null || tag == codeTag)) {
                to.put(e);
            }
        }
    }

    /**
     * The attributes as stored in the database.
     *
     * @throws IllegalArgumentException when the bytes are not an Explicit VR Little Endian data
     *         set (a damaged column)
     */
    public static ExtraAttributes fromBytes(byte[] encoded) {
        Objects.requireNonNull(encoded, "encoded");
        byte[] copy = encoded.clone();
        decode(copy);
        return new ExtraAttributes(copy);
    }

    /** The encoded form, for the store. */
    public byte[] bytes() {
        return encoded.clone();
    }

    /** A fresh copy of the attributes, without Specific Character Set. */
    public Dataset dataset() {
        Dataset ds = decode(encoded);
        ds.remove(Tag.SpecificCharacterSet);
        return ds;
    }

    /** The Scheduled Procedure Step's own attributes (a fresh copy; empty when none). */
    public Dataset scheduledStep() {
        Dataset step = dataset().getItem(Tag.ScheduledProcedureStepSequence);
        return step == null ? new Dataset() : step;
    }

    private static Dataset decode(byte[] bytes) {
        try {
            return DicomReader.read(bytes, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (DicomFormatException e) {
            throw new IllegalArgumentException("Extra attributes are not a readable data set: "
                    + e.getMessage(), e);
        }
    }

    private static void dropNestedCharsets(Dataset ds) {
        for (Element e : ds) {
            if (e.value() instanceof List<?> items) {
                for (Object item : items) {
                    Dataset nested = (Dataset) item;
                    nested.remove(Tag.SpecificCharacterSet);
                    dropNestedCharsets(nested);
                }
            }
        }
    }

    /** Nothing but an empty Scheduled Procedure Step item, or nothing at all. */
    private static boolean isEmpty(Dataset ds) {
        if (ds.isEmpty()) {
            return true;
        }
        List<Dataset> steps = ds.getSequence(Tag.ScheduledProcedureStepSequence);
        return ds.size() == 1 && steps != null
                && steps.stream().allMatch(Dataset::isEmpty);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExtraAttributes other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    /** Tags only: the values may be patient data. */
    @Override
    public String toString() {
        return "ExtraAttributes" + dataset().tags().stream().map(Tag::toString).toList();
    }
}
