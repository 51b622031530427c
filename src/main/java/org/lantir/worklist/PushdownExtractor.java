package org.lantir.worklist;

import java.time.LocalDate;
import java.util.List;
import org.lantir.dicom.data.Tag;

/**
 * Finds, among a query's keys, the exact conditions the store can apply with its indexes:
 * the SPS Start Date range, and single values without wild cards of Scheduled Station AE
 * Title, Modality and Patient ID. Only case-sensitive single values qualify, so the SQL
 * condition is implied by the in-memory rule and narrowing never changes the answer.
 */
final class PushdownExtractor {

    private PushdownExtractor() {
    }

    static MwlQuery.Pushdown extract(List<KeyMatcher> topKeys) {
        String patientId = exactValue(topKeys, Tag.PatientID);
        SequenceKeyMatcher sps = sequence(topKeys, Tag.ScheduledProcedureStepSequence);
        if (sps == null) {
            return new MwlQuery.Pushdown(null, null, null, null, patientId, null);
        }
        List<KeyMatcher> step = sps.itemKeys();
        LocalDate[] dates = dateRange(step);
        return new MwlQuery.Pushdown(dates[0], dates[1],
                exactValue(step, Tag.ScheduledStationAETitle), exactValue(step, Tag.Modality),
                patientId, valueMatcher(step, Tag.ScheduledProcedureStepStatus));
    }

    @SuppressWarnings("unchecked")
    private static LocalDate[] dateRange(List<KeyMatcher> step) {
        for (KeyMatcher key : step) {
            // Only the start narrows the SQL; a combined range on the end is matched in memory.
            if (key instanceof CombinedDateTimeKeyMatcher c
                    && c.dateTag() == Tag.ScheduledProcedureStepStartDate) {
                return new LocalDate[] {c.firstDate(), c.lastDate()};
            }
        }
        ValueMatcher date = valueMatcher(step, Tag.ScheduledProcedureStepStartDate);
        if (date instanceof RangeMatcher<?> r) {
            RangeMatcher<LocalDate> days = (RangeMatcher<LocalDate>) r;
            return new LocalDate[] {days.first(), days.last()};
        }
        return new LocalDate[2];
    }

    private static String exactValue(List<KeyMatcher> keys, int tag) {
        ValueMatcher m = valueMatcher(keys, tag);
        return m instanceof SingleValueMatcher s && !s.ignoresCase() ? s.key() : null;
    }

    private static ValueMatcher valueMatcher(List<KeyMatcher> keys, int tag) {
        for (KeyMatcher key : keys) {
            if (key instanceof AttributeKeyMatcher a && a.tag() == tag) {
                return a.matcher();
            }
        }
        return null;
    }

    private static SequenceKeyMatcher sequence(List<KeyMatcher> keys, int tag) {
        for (KeyMatcher key : keys) {
            if (key instanceof SequenceKeyMatcher s && s.tag() == tag) {
                return s;
            }
        }
        return null;
    }
}
