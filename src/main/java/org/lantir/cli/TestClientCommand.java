package org.lantir.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.net.Status;
import org.lantir.scu.DicomModalitySimulator;
import org.lantir.scu.DimseReply;
import org.lantir.scu.ModalitySimulator;
import org.lantir.scu.ModalitySimulator.QueryResult;
import org.lantir.scu.WorklistAnswer;
import org.lantir.scu.WorklistKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lantir test-client}: what a scanner would see. Sends a C-ECHO and a Modality
 * Worklist C-FIND to the server and prints the matches.
 */
@Command(name = "test-client", mixinStandardHelpOptions = true,
        description = "C-ECHO and a Modality Worklist C-FIND against a server; prints matches.")
final class TestClientCommand implements Callable<Integer> {

    @ParentCommand
    LantirCommand parent;

    @Option(names = "--date", paramLabel = "YYYYMMDD",
            description = "Scheduled Procedure Step Start Date key: a date or a range "
                    + "(YYYYMMDD, YYYYMMDD-YYYYMMDD; YYYY-MM-DD is accepted too).")
    String date;

    @Option(names = "--modality", paramLabel = "MODALITY", description = "Modality key.")
    String modality;

    private final ModalitySimulator simulator = new DicomModalitySimulator();

    @Override
    public Integer call() throws Exception {
        LantirConfig config = parent.loadConfig();
        ServerTarget target = ServerTarget.of(parent, config);
        QueryResult result = simulator.query(target.scu(), new WorklistKeys(modality, date));

        PrintWriter out = parent.out();
        if (result.echo() != null) {
            out.printf("C-ECHO %s: status %s%n", target, Status.toHex(result.echo().status()));
        }
        if (result.find() != null) {
            print(result.answers(), out);
            out.printf("C-FIND: %d match(es), final status %s%s%n", result.answers().size(),
                    Status.toHex(result.find().status()), comment(result.find()));
        }
        out.flush();

        if (result.failure() != null) {
            return target.report(parent, result.failure());
        }
        return result.echo().isSuccess() && result.find().isSuccess()
                ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(List<WorklistAnswer> answers, PrintWriter out) {
        for (WorklistAnswer a : answers) {
            out.printf("  %-10s %-8s %-30s %-36s %-3s %-16s %-10s %s%n", a.scheduledDate(),
                    a.scheduledTime(), a.patientName(), a.patientId(), a.modality(),
                    a.scheduledStationAeTitle(), a.spsStatus(), a.studyInstanceUid());
        }
    }

    static String comment(DimseReply reply) {
        String comment = reply.errorComment();
        return comment == null || comment.isEmpty() ? "" : " (" + comment + ")";
    }
}
