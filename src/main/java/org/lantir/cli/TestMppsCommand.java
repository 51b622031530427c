package org.lantir.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.net.Status;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.ModalitySimulator.FinalStatus;
import org.lantir.scu.ModalitySimulator.MppsResult;
import org.lantir.scu.MppsStep;
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

    private final ModalitySimulator simulator = new DicomModalitySimulator();

    @Override
    public Integer call() throws Exception {
        String problem = missingArguments();
        if (problem != null) {
            parent.err().println("lantir test-mpps: " + problem);
            return ExitCodes.USAGE;
        }
        LantirConfig config = parent.loadConfig();
        ServerTarget target = ServerTarget.of(parent, config);
        return parent.mppsAction == LantirCommand.MppsAction.create
                ? create(target) : set(target);
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

    private int create(ServerTarget target) {
        MppsResult result = simulator.createMpps(target.scu(), parent.sopUid,
                MppsStep.forStudy(parent.studyUid, modality));
        if (result.failure() != null) {
            return target.report(parent, result.failure());
        }
        PrintWriter out = parent.out();
        out.printf("N-CREATE: status %s%s%n", Status.toHex(result.reply().status()),
                TestClientCommand.comment(result.reply()));
        if (!result.reply().isSuccess()) {
            out.flush();
            return ExitCodes.FAILED;
        }
        out.println("SOP Instance UID (use with --sop_uid): " + result.sopInstanceUid());
        out.flush();
        return ExitCodes.OK;
    }

    private int set(ServerTarget target) {
        MppsResult result = simulator.setMpps(target.scu(), parent.sopUid,
                FinalStatus.valueOf(parent.mppsStatus.name()));
        if (result.failure() != null) {
            return target.report(parent, result.failure());
        }
        parent.out().printf("N-SET %s: status %s%s%n", parent.mppsStatus,
                Status.toHex(result.reply().status()), TestClientCommand.comment(result.reply()));
        parent.out().flush();
        return result.reply().isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
