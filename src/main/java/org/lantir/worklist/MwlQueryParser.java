package org.lantir.worklist;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.PersonName;
import org.lantir.dicom.data.SpecificCharacterSet;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a Modality Worklist C-FIND identifier into an {@link MwlQuery} (PS3.4 K.2.2.1 with
 * the matching rules of C.2.2.2): per key, universal, single value, wild card, range, list of
 * UID or sequence matching. A malformed key value, or a sequence key with more than one item,
 * fails the query with A900H, naming the key: never does a bad key match everything (C06).
 */
public final class MwlQueryParser {

    private static final Logger LOG = LoggerFactory.getLogger(MwlQueryParser.class);

    private final boolean personNameIgnoresCase;

    /**
     * @param personNameIgnoresCase whether PN keys match regardless of case, for single value
     *        and wild card matching alike (PS3.4 C.2.2.2.1 allows it for PN only)
     */
    public MwlQueryParser(boolean personNameIgnoresCase) {
        this.personNameIgnoresCase = personNameIgnoresCase;
    }

    /** Parses an identifier that came from no association (the command line, tests). */
    public MwlQuery parse(Dataset identifier) throws MwlQueryException {
        return parse(identifier, null, false);
    }

    /**
     * Parses an identifier sent by {@code callingAeTitle}. With {@code callingAeIsStation},
     * a Scheduled Station AE Title key equal to the calling AE title is added when the
     * identifier gives none of its own: the documented per-AE coercion "calling AE title is
     * the station" that some sites need for consoles that leave the key empty (C14). Return
     * keys stay as asked.
     *
     * @param callingAeTitle the calling AE title of the association, or null when none
     * @param callingAeIsStation whether the site applies the coercion to this AE title
     */
    public MwlQuery parse(Dataset identifier, String callingAeTitle, boolean callingAeIsStation)
            throws MwlQueryException {
        Scan scan = new Scan();
        List<KeyMatcher> keys = parseLevel(identifier, MwlLevel.TOP, scan);
        if (callingAeIsStation && callingAeTitle != null && !callingAeTitle.isBlank()) {
            keys = withStation(keys, callingAeTitle);
        }
        return new MwlQuery(identifier.copy(), keys, charsetOf(identifier),
                scan.unsupported, PushdownExtractor.extract(keys), callingAeTitle);
    }

    private static List<KeyMatcher> withStation(List<KeyMatcher> keys, String aeTitle) {
        List<KeyMatcher> result = new ArrayList<>();
        List<KeyMatcher> stepKeys = new ArrayList<>();
        for (KeyMatcher key : keys) {
            if (key instanceof SequenceKeyMatcher s
                    && s.tag() == Tag.ScheduledProcedureStepSequence) {
                stepKeys.addAll(s.itemKeys());
            } else {
                result.add(key);
            }
        }
        boolean hasStation = stepKeys.stream().anyMatch(k -> k instanceof AttributeKeyMatcher a
                && a.tag() == Tag.ScheduledStationAETitle);
        if (!hasStation) {
            stepKeys.add(new AttributeKeyMatcher(Tag.ScheduledStationAETitle,
                    new SingleValueMatcher(aeTitle.strip(), false)));
        }
        result.add(new SequenceKeyMatcher(Tag.ScheduledProcedureStepSequence, stepKeys));
        return result;
    }

    /** What a walk over the identifier notices besides the keys. */
    private static final class Scan {
        boolean unsupported;
    }

    private static SpecificCharacterSet charsetOf(Dataset identifier) {
        try {
            return SpecificCharacterSet.of(identifier.getStrings(Tag.SpecificCharacterSet));
        } catch (IllegalArgumentException unknown) {
            // PS3.4 C.2.2.2: matching with an unsupported set is undefined; Lantir matches
            // the text as the reader decoded it and answers in a set it knows.
            LOG.warn("C-FIND identifier names an unsupported Specific Character Set: {}",
                    unknown.getMessage());
            return null;
        }
    }

    private List<KeyMatcher> parseLevel(Dataset level, MwlLevel model, Scan scan)
            throws MwlQueryException {
        List<KeyMatcher> keys = new ArrayList<>();
        for (Element e : level) {
            if (isNeverAKey(e.tag())) {
                continue;
            }
            KeyMatcher key = e.value() instanceof List<?>
                    ? parseSequence(level, e.tag(), model, scan)
                    : parseAttribute(e, model, scan);
            if (key != null) {
                keys.add(key);
            }
        }
        List<KeyMatcher> result = model == MwlLevel.SCHEDULED_STEP
                ? combineDateAndTime(combineDateAndTime(keys, Tag.ScheduledProcedureStepStartDate,
                        Tag.ScheduledProcedureStepStartTime),
                        Tag.ScheduledProcedureStepEndDate, Tag.ScheduledProcedureStepEndTime)
                : keys;
        for (KeyMatcher key : result) {
            if (key instanceof AttributeKeyMatcher a && isReversed(a.matcher())) {
                throw malformed(a.tag(), "Reversed range in key");
            }
        }
        return result;
    }

    /**
     * PS3.4 C.2.2.2.5: in {@code a-b}, a is at most b. The data layer refuses reversed DA and
     * DT keys; a reversed TM key is only kept as the time half of a combined date-time.
     */
    private static boolean isReversed(ValueMatcher matcher) {
        if (matcher instanceof AnyValueMatcher any) {
            return any.alternatives().stream().anyMatch(MwlQueryParser::isReversed);
        }
        return matcher instanceof RangeMatcher<?> r && r.isReversed();
    }

    /**
     * Specific Character Set, command and group length elements are no keys; nor are private
     * attributes, which consoles send with values (private creators) and which Lantir neither
     * matches nor returns, so that they do not turn every answer into FF01.
     */
    static boolean isNeverAKey(int tag) {
        return tag == Tag.SpecificCharacterSet || Tag.group(tag) == 0 || Tag.element(tag) == 0
                || Tag.isPrivate(tag);
    }

    private KeyMatcher parseSequence(Dataset level, int tag, MwlLevel model, Scan scan)
            throws MwlQueryException {
        List<Dataset> items = level.getSequence(tag);
        if (items.size() > 1) {
            // PS3.4 C.2.2.2.6: a sequence key holds exactly one item (C11).
            throw new MwlQueryException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "More than one item in sequence key " + Tag.toString(tag), tag);
        }
        if (items.isEmpty()) {
            return null;
        }
        MwlLevel itemLevel = model.itemLevelOf(tag);
        if (itemLevel == null) {
            scan.unsupported |= hasMatchingValues(items.get(0));
            return null;
        }
        List<KeyMatcher> itemKeys = parseLevel(items.get(0), itemLevel, scan);
        return itemKeys.isEmpty() ? null : new SequenceKeyMatcher(tag, itemKeys);
    }

    private static boolean hasMatchingValues(Dataset item) {
        for (Element e : item) {
            if (e.value() instanceof List<?> nested) {
                for (Object inner : nested) {
                    if (hasMatchingValues((Dataset) inner)) {
                        return true;
                    }
                }
            } else if (!isNeverAKey(e.tag()) && !e.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private KeyMatcher parseAttribute(Element e, MwlLevel model, Scan scan)
            throws MwlQueryException {
        if (e.isEmpty()) {
            return null;
        }
        VR vr = model.vrOf(e.tag());
        if (vr == null) {
            scan.unsupported = true;
            return model == MwlLevel.CODE ? null : extraKey(e);
        }
        String text = e.value() instanceof String s ? s : new String((byte[]) e.value(),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        ValueMatcher matcher = valueMatcher(e.tag(), vr, text.strip());
        return matcher == null ? null : new AttributeKeyMatcher(e.tag(), matcher);
    }

    /**
     * A key on an attribute no column holds, for the rows that keep it from a worklist file
     * ({@link ExtraKeyMatcher}); null when its VR is not text, or its value is universal or
     * malformed (such a key is ignored, as it was before rows kept such attributes).
     */
    private KeyMatcher extraKey(Element e) {
        if (!e.vr().isText() || !(e.value() instanceof String text)) {
            return null;
        }
        try {
            ValueMatcher matcher = valueMatcher(e.tag(), e.vr(), text.strip());
            return matcher == null ? null
                    : new ExtraKeyMatcher(e.tag(), matcher, e.vr().isMultiValued());
        } catch (MwlQueryException malformed) {
            LOG.debug("C-FIND key {} on an attribute without a column is malformed; ignored",
                    Tag.toString(e.tag()));
            return null;
        }
    }

    /** The matcher of a key value; null when the value is universal (a lone {@code *}). */
    private ValueMatcher valueMatcher(int tag, VR vr, String text) throws MwlQueryException {
        if (vr == VR.UI) {
            return uidList(tag, text);
        }
        String[] values = vr.isMultiValued() ? text.split("\\\\", -1) : new String[] {text};
        List<ValueMatcher> alternatives = new ArrayList<>();
        for (String value : values) {
            ValueMatcher one = singleKey(tag, vr, value.strip());
            if (one == null) {
                return null;
            }
            alternatives.add(one);
        }
        return alternatives.size() == 1 ? alternatives.get(0)
                : new AnyValueMatcher(alternatives);
    }

    private ValueMatcher singleKey(int tag, VR vr, String value) throws MwlQueryException {
        switch (vr) {
            case DA:
                return temporal(tag, vr, () -> RangeMatcher.date(value));
            case TM:
                return temporal(tag, vr, () -> RangeMatcher.time(value));
            case DT:
                // No MWL return key is DT today; stored DT values are site-local time.
                return temporal(tag, vr, () -> RangeMatcher.dateTime(value,
                        ZoneId.systemDefault()));
            case PN:
                return personName(tag, value);
            default:
                return text(tag, vr, value);
        }
    }

    private ValueMatcher personName(int tag, String value) throws MwlQueryException {
        PersonName name;
        try {
            name = PersonName.parse(value);
        } catch (IllegalArgumentException notAName) {
            // PS3.5 §6.2.1: at most three groups of five components; like any malformed
            // key (C06), it fails the query rather than matching everything.
            throw malformed(tag, "Invalid PN matching key");
        }
        String key = name.format();
        if (key.isEmpty() || key.equals("*")) {
            return null;
        }
        ValueMatcher inner = WildcardMatcher.hasWildcards(key)
                ? new WildcardMatcher(key, personNameIgnoresCase)
                : new SingleValueMatcher(key, personNameIgnoresCase);
        return new PersonNameMatcher(inner, key.indexOf('=') >= 0);
    }

    private static ValueMatcher text(int tag, VR vr, String value) throws MwlQueryException {
        if (!WildcardMatcher.hasWildcards(value)) {
            return new SingleValueMatcher(value, false);
        }
        if (!vr.allowsWildcards()) {
            throw malformed(tag, "Wild card not allowed in " + vr + " key");
        }
        return value.equals("*") ? null : new WildcardMatcher(value, false);
    }

    private static ValueMatcher uidList(int tag, String text) throws MwlQueryException {
        Set<String> uids = new LinkedHashSet<>();
        for (String uid : text.split("\\\\", -1)) {
            if (!UID.isValid(uid.strip())) {
                throw malformed(tag, "Invalid UID in list of UID key");
            }
            uids.add(uid.strip());
        }
        return new UidListMatcher(uids);
    }

    /**
     * Builds a range matcher, turning a parse failure into A900H (C06). The data layer's
     * message is not passed on: the Error Comment never repeats the value.
     */
    private static ValueMatcher temporal(int tag, VR vr, RangeSupplier supplier)
            throws MwlQueryException {
        try {
            return supplier.get();
        } catch (DicomFormatException malformed) {
            throw malformed(tag, "Invalid " + vr + " matching key");
        }
    }

    @FunctionalInterface
    private interface RangeSupplier {
        ValueMatcher get() throws DicomFormatException;
    }

    private static MwlQueryException malformed(int tag, String what) {
        // PS3.4 Table K.4-1: A900H, identifier does not match SOP Class.
        return new MwlQueryException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                what + " " + Tag.toString(tag), tag);
    }

    /**
     * PS3.4 C.2.2.2.5.1: two range keys on SPS Start (or End) Date and Time make one range.
     */
    @SuppressWarnings("unchecked")
    private static List<KeyMatcher> combineDateAndTime(List<KeyMatcher> keys, int dateTag,
            int timeTag) {
        AttributeKeyMatcher date = rangeKey(keys, dateTag);
        AttributeKeyMatcher time = rangeKey(keys, timeTag);
        if (date == null || time == null) {
            return keys;
        }
        List<KeyMatcher> combined = new ArrayList<>(keys);
        combined.remove(date);
        combined.remove(time);
        combined.add(new CombinedDateTimeKeyMatcher(date.tag(), time.tag(),
                (RangeMatcher<LocalDate>) date.matcher(),
                (RangeMatcher<LocalTime>) time.matcher()));
        return combined;
    }

    private static AttributeKeyMatcher rangeKey(List<KeyMatcher> keys, int tag) {
        for (KeyMatcher key : keys) {
            if (key instanceof AttributeKeyMatcher a && a.tag() == tag
                    && a.matcher() instanceof RangeMatcher<?> r && r.isRange()) {
                return a;
            }
        }
        return null;
    }
}
