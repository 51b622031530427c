package org.lantir.scu;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.SpecificCharacterSetLabel;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.AssociationRejectedException;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.worklist.WorklistItem.CodedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link ModalitySimulator} over Lantir's own DICOM client. */
public final class DicomModalitySimulator implements ModalitySimulator {

    private static final Logger LOG = LoggerFactory.getLogger(DicomModalitySimulator.class);

    /** Performed Procedure Step ID (0040,0253) and Protocol Name of every test step. */
    static final String TEST_STEP_ID = "LANTIR_TEST";
    static final String TEST_DESCRIPTION = "Lantir MPPS test";
    /** Performed Procedure Step Status of a step just started (PS3.3 C.4.14). */
    static final String IN_PROGRESS = "IN PROGRESS";

    private final DicomClient client;
    private final Clock clock;

    /** On the shared client threads, with the system clock for the step's dates and times. */
    public DicomModalitySimulator() {
        this(new DicomClient(), Clock.systemDefaultZone());
    }

    public DicomModalitySimulator(DicomClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Override
    public EchoResult echo(ScuTarget target) {
        try (ClientAssociation association = connect(target, UID.VERIFICATION)) {
            return new EchoResult(target, DimseReply.of(association.echo()), null);
        } catch (IOException e) {
            return new EchoResult(target, null, failure(e));
        }
    }

    @Override
    public QueryResult query(ScuTarget target, WorklistKeys keys) {
        DimseReply echo = null;
        List<WorklistAnswer> answers = Collections.synchronizedList(new ArrayList<>());
        try (ClientAssociation association = connect(target, UID.VERIFICATION,
                UID.MODALITY_WORKLIST_FIND)) {
            echo = DimseReply.of(association.echo());
            DimseReply find = DimseReply.of(association.find(UID.MODALITY_WORKLIST_FIND,
                    keys.identifier(), match -> answers.add(WorklistAnswer.of(match))));
            LOG.debug("Worklist query as {} to {}: {} answer(s)", target.callingAeTitle(),
                    target, answers.size());
            return new QueryResult(target, echo, answers, find, null);
        } catch (IOException e) {
            return new QueryResult(target, echo, List.of(), null, failure(e));
        }
    }

    @Override
    public MppsResult createMpps(ScuTarget target, String sopInstanceUid, MppsStep step) {
        try (ClientAssociation association = connect(target,
                UID.MODALITY_PERFORMED_PROCEDURE_STEP)) {
            DimseReply reply = DimseReply.of(association.nCreate(
                    UID.MODALITY_PERFORMED_PROCEDURE_STEP, sopInstanceUid,
                    inProgress(step, target.callingAeTitle())));
            String uid = reply.affectedSopInstanceUid() != null
                    ? reply.affectedSopInstanceUid() : sopInstanceUid;
            return new MppsResult(target, uid, reply, null);
        } catch (IOException e) {
            return new MppsResult(target, sopInstanceUid, null, failure(e));
        }
    }

    @Override
    public MppsResult setMpps(ScuTarget target, String sopInstanceUid, FinalStatus status) {
        try (ClientAssociation association = connect(target,
                UID.MODALITY_PERFORMED_PROCEDURE_STEP)) {
            DimseReply reply = DimseReply.of(association.nSet(
                    UID.MODALITY_PERFORMED_PROCEDURE_STEP, sopInstanceUid, finished(status)));
            return new MppsResult(target, sopInstanceUid, reply, null);
        } catch (IOException e) {
            return new MppsResult(target, sopInstanceUid, null, failure(e));
        }
    }

    private ClientAssociation connect(ScuTarget target, String... sopClasses)
            throws IOException {
        List<PresentationContextRQ> contexts = DicomClient.contextsFor(sopClasses);
        return client.connect(target.host(), target.port(), target.callingAeTitle(),
                target.calledAeTitle(), contexts);
    }

    private static Failure failure(IOException e) {
        Failure.Kind kind = e instanceof AssociationRejectedException
                ? Failure.Kind.REFUSED : Failure.Kind.UNREACHABLE;
        return new Failure(kind, e.getMessage());
    }

    /**
     * The N-CREATE attributes of PS3.4 Table F.7.2-1 a modality sends when it starts the
     * step: every Type 1 with a value, every Type 2 present (empty when the worklist item had
     * nothing), and one Scheduled Step Attributes item naming the scheduled step.
     */
    Dataset inProgress(MppsStep step, String performedStationAeTitle) {
        LocalDateTime now = LocalDateTime.now(clock);
        Dataset ds = new Dataset();
        setOrEmpty(ds, Tag.Modality, VR.CS, step.modality() == null
                ? MppsStep.DEFAULT_MODALITY : step.modality());
        ds.newSequence(Tag.ProcedureCodeSequence);
        addCode(ds, Tag.ProcedureCodeSequence, step.requestedProcedureCode());
        ds.newSequence(Tag.ReferencedPatientSequence);
        setOrEmpty(ds, Tag.PatientName, VR.PN, step.patientName());
        setOrEmpty(ds, Tag.PatientID, VR.LO, step.patientId());
        setOrEmpty(ds, Tag.PatientBirthDate, VR.DA, step.patientBirthDate());
        setOrEmpty(ds, Tag.PatientSex, VR.CS, step.patientSex());
        ds.setEmpty(Tag.StudyID, VR.SH);
        ds.setString(Tag.PerformedStationAETitle, VR.AE, performedStationAeTitle);
        ds.setEmpty(Tag.PerformedStationName, VR.SH);
        ds.setEmpty(Tag.PerformedLocation, VR.SH);
        ds.setString(Tag.PerformedProcedureStepStartDate, VR.DA,
                DateTimes.formatDA(now.toLocalDate()));
        ds.setString(Tag.PerformedProcedureStepStartTime, VR.TM,
                DateTimes.formatTM(now.toLocalTime().withNano(0)));
        ds.setEmpty(Tag.PerformedProcedureStepEndDate, VR.DA);
        ds.setEmpty(Tag.PerformedProcedureStepEndTime, VR.TM);
        ds.setString(Tag.PerformedProcedureStepStatus, VR.CS, IN_PROGRESS);
        ds.setString(Tag.PerformedProcedureStepID, VR.SH, TEST_STEP_ID);
        ds.setString(Tag.PerformedProcedureStepDescription, VR.LO, TEST_DESCRIPTION);
        ds.setEmpty(Tag.PerformedProcedureTypeDescription, VR.LO);
        ds.newSequence(Tag.PerformedProtocolCodeSequence);
        ds.newSequence(Tag.PerformedSeriesSequence);
        scheduledStep(ds.addItem(Tag.ScheduledStepAttributesSequence), step);
        // A name such as MÜLLER^Zoë needs a Specific Character Set (PS3.3 C.12.1.1.2), as a
        // modality would send it.
        SpecificCharacterSetLabel.apply(ds, null);
        return ds;
    }

    /** One item of the Scheduled Step Attributes Sequence (0040,0270). */
    private static void scheduledStep(Dataset item, MppsStep step) {
        item.setString(Tag.StudyInstanceUID, VR.UI, step.studyInstanceUid());
        item.newSequence(Tag.ReferencedStudySequence);
        setOrEmpty(item, Tag.AccessionNumber, VR.SH, step.accessionNumber());
        setOrEmpty(item, Tag.RequestedProcedureID, VR.SH, step.requestedProcedureId());
        setOrEmpty(item, Tag.RequestedProcedureDescription, VR.LO,
                step.requestedProcedureDescription());
        setOrEmpty(item, Tag.ScheduledProcedureStepID, VR.SH, step.spsId());
        setOrEmpty(item, Tag.ScheduledProcedureStepDescription, VR.LO, step.spsDescription());
        item.newSequence(Tag.ScheduledProtocolCodeSequence);
        addCode(item, Tag.ScheduledProtocolCodeSequence, step.protocolCode());
    }

    /** The final N-SET: status, end date and time, and one performed series (F.7.2.2.2). */
    Dataset finished(FinalStatus status) {
        LocalDateTime now = LocalDateTime.now(clock);
        Dataset ds = new Dataset();
        ds.setString(Tag.PerformedProcedureStepEndDate, VR.DA,
                DateTimes.formatDA(now.toLocalDate()));
        ds.setString(Tag.PerformedProcedureStepEndTime, VR.TM,
                DateTimes.formatTM(now.toLocalTime().withNano(0)));
        ds.setString(Tag.PerformedProcedureStepStatus, VR.CS, status.name());
        Dataset series = ds.addItem(Tag.PerformedSeriesSequence);
        series.setEmpty(Tag.RetrieveAETitle, VR.AE);
        series.setString(Tag.SeriesDescription, VR.LO, TEST_DESCRIPTION);
        series.setEmpty(Tag.PerformingPhysicianName, VR.PN);
        series.setEmpty(Tag.OperatorsName, VR.PN);
        series.newSequence(Tag.ReferencedImageSequence);
        series.setString(Tag.ProtocolName, VR.LO, TEST_STEP_ID);
        series.setString(Tag.SeriesInstanceUID, VR.UI, UID.create(UID.UUID_ROOT));
        series.newSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence);
        return ds;
    }

    private static void setOrEmpty(Dataset ds, int tag, VR vr, String value) {
        if (value == null || value.isBlank()) {
            ds.setEmpty(tag, vr);
        } else {
            ds.setString(tag, vr, value);
        }
    }

    /** A code item (PS3.3 Table 8.8-1a basic attributes) when the worklist item has one. */
    private static void addCode(Dataset owner, int sequenceTag, CodedEntry code) {
        if (code == null || code.value() == null || code.value().isBlank()) {
            return;
        }
        Dataset item = owner.addItem(sequenceTag);
        item.setString(Tag.CodeValue, VR.SH, code.value());
        setOrEmpty(item, Tag.CodingSchemeDesignator, VR.SH, code.schemeDesignator());
        setOrEmpty(item, Tag.CodeMeaning, VR.LO, code.meaning());
    }
}
