package org.lantir.worklist;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSetLabel;
import org.lantir.dicom.data.DicomFormatException;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.DicomWriter;
import org.lantir.dicom.data.Element;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.dicom.net.Status;
import org.lantir.events.EventFeed;
import org.lantir.events.LantirEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out MPPS N-CREATE and N-SET (PS3.4 F.7): checks them, correlates the new step with a
 * worklist row, and stores the instance, the row's status and an event log line in one
 * {@link MppsRepository} transaction; then tells the event feed. A refused request changes
 * nothing. Requests are handled one at a time, so two N-SETs for one instance cannot
 * interleave between check and write.
 */
final class MppsProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(MppsProcessor.class);

    private final MppsRepository store;
    private final MppsCorrelator correlator;
    private final EventFeed events;
    /** The service's current minter: the UID root may change while MPPS requests arrive. */
    private final Supplier<IdMinter> minter;
    private final Clock clock;

    MppsProcessor(MppsRepository store, WorklistRepository worklist, EventFeed events,
            Supplier<IdMinter> minter, Clock clock) {
        this.store = store;
        this.correlator = new MppsCorrelator(worklist);
        this.events = events;
        this.minter = minter;
        this.clock = clock;
    }

    synchronized MppsInstance create(String sopInstanceUid, Dataset attrs, String callingAe)
            throws MppsException {
        MppsCreateRules.check(sopInstanceUid, attrs);
        List<Integer> missingType2 = MppsCreateRules.missingType2(attrs);
        if (!missingType2.isEmpty()) {
            LOG.warn("MPPS N-CREATE from {} lacks Type 2 attribute(s) {}; accepted", callingAe,
                    MppsCreateRules.names(missingType2));
        }
        String uid = sopInstanceUid != null ? sopInstanceUid : minter.get().newUid();
        if (store.find(uid).isPresent()) {
            throw duplicate(uid);
        }
        Optional<MppsCorrelator.Correlation> match = correlator.correlate(attrs);
        Instant now = clock.instant();
        Long itemId = match.map(m -> m.item().id()).orElse(null);
        MppsInstance instance = new MppsInstance(uid, MppsAttributes.IN_PROGRESS, encode(attrs),
                callingAe, now, now, itemId, match.map(MppsCorrelator.Correlation::matchedBy)
                .orElse(null));
        try {
            store.create(instance, itemId == null ? null : ProcedureStepStatus.IN_PROGRESS,
                    EventRecord.of(now, MppsEvents.CREATED, callingAe, uid, itemId,
                            describe(instance)));
        } catch (MppsRepository.DuplicateMppsException raced) {
            throw duplicate(uid);
        }
        logCreated(instance, match);
        publish(instance, null, itemId != null);
        return instance;
    }

    synchronized MppsInstance set(String sopInstanceUid, Dataset modifications,
            String callingAe) throws MppsException {
        MppsInstance stored = store.find(sopInstanceUid).orElseThrow(() -> new MppsException(
                Status.NO_SUCH_SOP_INSTANCE, "No such MPPS instance"));
        MppsSetRules.checkUpdatable(stored);
        MppsSetRules.checkModifications(modifications);
        Dataset merged = merge(decode(stored), modifications);
        MppsSetRules.checkFinalState(merged);

        String status = merged.getString(Tag.PerformedProcedureStepStatus);
        Instant now = clock.instant();
        MppsInstance updated = stored.withUpdate(status, encode(merged), now);
        ProcedureStepStatus itemStatus = stored.worklistItemId() != null
                && MppsAttributes.isFinal(status) ? MppsAttributes.worklistStatusOf(status) : null;
        store.update(updated, itemStatus, EventRecord.of(now, MppsEvents.UPDATED, callingAe,
                sopInstanceUid, stored.worklistItemId(), describe(updated)));
        logUpdated(stored, updated);
        publish(updated, stored.status(), itemStatus != null);
        return updated;
    }

    /** N-SET semantics: each attribute sent replaces the stored one, sequences whole (C25). */
    private static Dataset merge(Dataset stored, Dataset modifications) {
        Dataset merged = stored.copy();
        for (Element e : modifications) {
            if (e.tag() != Tag.SpecificCharacterSet) {
                merged.put(e);
            }
        }
        return merged.copy();
    }

    private static Dataset decode(MppsInstance stored) throws MppsException {
        try {
            return DicomReader.read(stored.attributes(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (DicomFormatException e) {
            LOG.error("Stored attributes of MPPS {} are unreadable", stored.sopInstanceUid(), e);
            throw new MppsException(Status.PROCESSING_FAILURE, "Stored MPPS is unreadable");
        }
    }

    /**
     * Encodes in Explicit VR Little Endian under a Specific Character Set that can carry every
     * value (the values are already decoded, whatever set the modality used).
     */
    private static byte[] encode(Dataset attrs) throws MppsException {
        Dataset copy = attrs.copy();
        SpecificCharacterSetLabel.apply(copy, null);
        try {
            return DicomWriter.write(copy, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IllegalArgumentException e) {
            LOG.warn("MPPS attributes cannot be encoded: {}", e.getMessage());
            throw new MppsException(Status.PROCESSING_FAILURE, "MPPS attributes not storable");
        }
    }

    private static MppsException duplicate(String uid) {
        // PS3.7 C.4.2: the SOP Instance exists already; nothing is changed (C24).
        return new MppsException(Status.DUPLICATE_SOP_INSTANCE, "MPPS instance exists already");
    }

    private static String describe(MppsInstance instance) {
        return MppsEvents.message(instance.status(),
                instance.worklistItemId() == null ? null : instance.matchedBy());
    }

    private static void logCreated(MppsInstance instance,
            Optional<MppsCorrelator.Correlation> match) {
        if (match.isPresent()) {
            LOG.info("MPPS {} created {} by {}: {} -> IN_PROGRESS (matched by {})",
                    instance.sopInstanceUid(), instance.status(), instance.callingAeTitle(),
                    match.get().item(), match.get().matchedBy());
        } else {
            LOG.warn("MPPS {} created {} by {} matches no worklist row; stored unmatched",
                    instance.sopInstanceUid(), instance.status(), instance.callingAeTitle());
        }
    }

    private static void logUpdated(MppsInstance before, MppsInstance after) {
        LOG.info("MPPS {} {} -> {} (worklist row {})", after.sopInstanceUid(), before.status(),
                after.status(), after.worklistItemId());
    }

    /** @param previousStatus null for an N-CREATE */
    private void publish(MppsInstance instance, String previousStatus, boolean rowChanged) {
        Instant now = instance.updatedAt();
        events.publish(new LantirEvent.MppsChanged(now, instance.sopInstanceUid(),
                instance.callingAeTitle(), instance.status(), instance.worklistItemId(),
                previousStatus));
        if (rowChanged) {
            events.publish(new LantirEvent.WorklistChanged(now, "mpps", 0, 1, 0));
        }
    }
}
