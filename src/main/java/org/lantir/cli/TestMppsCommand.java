package org.lantir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DateTimes;
import org.lantir.dicom.data.Tag;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.data.VR;
import org.lantir.dicom.net.ClientAssociation;
import org.lantir.dicom.net.DicomClient;
import org.lantir.dicom.net.DimseResponse;
import org.lantir.dicom.net.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir test-mpps}: plays a modality's MPPS. {@code create} sends an N-CREATE
 * (IN PROGRESS) for the worklist row with {@code --study_uid} and prints the SOP Instance UID;
 * {@code set} sends the N-SET that completes or discontinues it (PS3.4 F.7.2).
 */
@Command(name = "test-mpps", mixinStandardHelpOptions = true,
        description = "Send an MPPS N-CREATE (--mpps_action create --study_uid UID) or N-SET"
                + " (--mpps_action set --mpps_status COMPLETED|DISCONTINUED --sop_uid UID).")
final class TestMppsCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--modality", paramLabel = "MODALITY", defaultValue = "MR",
            description = "Modality of the performed step (default ${DEFAULT-VALUE}).")
    String modality;

    @Override
    public Integer call() throws Exception {
        String problem = missingArguments();
        if (problem != null) {
            parent.err().println("lantir test-mpps: " + problem);
            return ExitCodes.USAGE;
        }
        LantirConfig config = parent.loadConfig();
        ServerTarget target = ServerTarget.of(parent, config);
        return target.call(parent,
                DicomClient.contextsFor(UID.MODALITY_PERFORMED_PROCEDURE_STEP),
                association -> parent.mppsAction == LantirCommand.MppsAction.create
                        ? create(association, target) : set(association));
    }

    private String missingArguments() {
        if (parent.mppsAction == null) {
            return "--mpps_action create|set is required";
        }
        if (parent.mppsAction == LantirCommand.MppsAction.create && parent.studyUid == null) {
            return "create needs --study_uid (the worklist row's Study Instance UID)";
        }
        if (parent.mppsAction == LantirCommand.MppsAction.set
                && (parent.sopUid == null || parent.mppsStatus == null)) {
            return "set needs --sop_uid and --mpps_status COMPLETED|DISCONTINUED";
        }
        return null;
    }

    private int create(ClientAssociation association, ServerTarget target) throws IOException {
        DimseResponse rsp = association.nCreate(UID.MODALITY_PERFORMED_PROCEDURE_STEP,
                parent.sopUid, inProgress(target.callingAeTitle()));
        PrintWriter out = parent.out();
        out.printf("N-CREATE: status %s%s%n", Status.toHex(rsp.status()),
                TestClientCommand.comment(rsp));
        if (!rsp.isSuccess()) {
            return ExitCodes.FAILED;
        }
        String uid = rsp.affectedSopInstanceUid() != null ? rsp.affectedSopInstanceUid()
                : parent.sopUid;
        out.println("SOP Instance UID (use with --sop_uid): " + uid);
        out.flush();
        return ExitCodes.OK;
    }

    private int set(ClientAssociation association) throws IOException {
        DimseResponse rsp = association.nSet(UID.MODALITY_PERFORMED_PROCEDURE_STEP,
                parent.sopUid, finished(parent.mppsStatus.name()));
        parent.out().printf("N-SET %s: status %s%s%n", parent.mppsStatus,
                Status.toHex(rsp.status()), TestClientCommand.comment(rsp));
        parent.out().flush();
        return rsp.isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The N-CREATE attributes of PS3.4 Table F.7.2-1 a console sends when it starts. */
    private Dataset inProgress(String stationAeTitle) {
        LocalDateTime now = LocalDateTime.now();
        Dataset ds = new Dataset();
        ds.setString(Tag.Modality, VR.CS, modality);
        ds.newSequence(Tag.ProcedureCodeSequence);
        ds.newSequence(Tag.ReferencedPatientSequence);
        ds.setEmpty(Tag.PatientName, VR.PN);
        ds.setEmpty(Tag.PatientID, VR.LO);
        ds.setEmpty(Tag.PatientBirthDate, VR.DA);
        ds.setEmpty(Tag.PatientSex, VR.CS);
        ds.setEmpty(Tag.StudyID, VR.SH);
        ds.setString(Tag.PerformedStationAETitle, VR.AE, stationAeTitle);
        ds.setEmpty(Tag.PerformedStationName, VR.SH);
        ds.setEmpty(Tag.PerformedLocation, VR.SH);
        ds.setString(Tag.PerformedProcedureStepStartDate, VR.DA,
                DateTimes.formatDA(now.toLocalDate()));
        ds.setString(Tag.PerformedProcedureStepStartTime, VR.TM,
                DateTimes.formatTM(now.toLocalTime().withNano(0)));
        ds.setEmpty(Tag.PerformedProcedureStepEndDate, VR.DA);
        ds.setEmpty(Tag.PerformedProcedureStepEndTime, VR.TM);
        ds.setString(Tag.PerformedProcedureStepStatus, VR.CS, "IN PROGRESS");
        ds.setString(Tag.PerformedProcedureStepID, VR.SH, "LANTIR_TEST");
        ds.setString(Tag.PerformedProcedureStepDescription, VR.LO, "Lantir MPPS test");
        ds.setEmpty(Tag.PerformedProcedureTypeDescription, VR.LO);
        ds.newSequence(Tag.PerformedProtocolCodeSequence);
        ds.newSequence(Tag.PerformedSeriesSequence);
        Dataset step = ds.addItem(Tag.ScheduledStepAttributesSequence);
        step.setString(Tag.StudyInstanceUID, VR.UI, parent.studyUid);
        step.newSequence(Tag.ReferencedStudySequence);
        step.setEmpty(Tag.AccessionNumber, VR.SH);
        step.setEmpty(Tag.RequestedProcedureID, VR.SH);
        step.setEmpty(Tag.RequestedProcedureDescription, VR.LO);
        step.setEmpty(Tag.ScheduledProcedureStepID, VR.SH);
        step.setEmpty(Tag.ScheduledProcedureStepDescription, VR.LO);
        step.newSequence(Tag.ScheduledProtocolCodeSequence);
        return ds;
    }

    /** The final N-SET: status, end date and time, and one performed series (F.7.2.2.2). */
    private static Dataset finished(String status) {
        LocalDateTime now = LocalDateTime.now();
        Dataset ds = new Dataset();
        ds.setString(Tag.PerformedProcedureStepEndDate, VR.DA,
                DateTimes.formatDA(now.toLocalDate()));
        ds.setString(Tag.PerformedProcedureStepEndTime, VR.TM,
                DateTimes.formatTM(now.toLocalTime().withNano(0)));
        ds.setString(Tag.PerformedProcedureStepStatus, VR.CS, status);
        Dataset series = ds.addItem(Tag.PerformedSeriesSequence);
        series.setEmpty(Tag.RetrieveAETitle, VR.AE);
        series.setString(Tag.SeriesDescription, VR.LO, "Lantir MPPS test");
        series.setEmpty(Tag.PerformingPhysicianName, VR.PN);
        series.setEmpty(Tag.OperatorsName, VR.PN);
        series.newSequence(Tag.ReferencedImageSequence);
        series.setString(Tag.ProtocolName, VR.LO, "LANTIR_TEST");
        series.setString(Tag.SeriesInstanceUID, VR.UI, UID.create(UID.UUID_ROOT));
        series.newSequence(Tag.ReferencedNonImageCompositeSOPInstanceSequence);
        return ds;
    }
}
