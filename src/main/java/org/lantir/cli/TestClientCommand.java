package org.lantir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lantir.config.LantirConfig;
import org.lantir.dicom.data.Dataset;
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

    @Override
    public Integer call() throws Exception {
        LantirConfig config = parent.loadConfig();
        ServerTarget target = ServerTarget.of(parent, config);
        return target.call(parent,
                DicomClient.contextsFor(UID.VERIFICATION, UID.MODALITY_WORKLIST_FIND),
                association -> echoAndFind(association, target));
    }

    private int echoAndFind(ClientAssociation association, ServerTarget target)
            throws IOException {
        PrintWriter out = parent.out();
        DimseResponse echo = association.echo();
        out.printf("C-ECHO %s: status %s%n", target, Status.toHex(echo.status()));

        List<Dataset> matches = new ArrayList<>();
        DimseResponse find = association.find(UID.MODALITY_WORKLIST_FIND, identifier(),
                matches::add);
        print(matches, out);
        out.printf("C-FIND: %d match(es), final status %s%s%n", matches.size(),
                Status.toHex(find.status()), comment(find));
        out.flush();
        return echo.isSuccess() && find.isSuccess() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A typical MR console's identifier (PS3.4 Table K.6-1 return keys). */
    private Dataset identifier() {
        Dataset id = new Dataset();
        id.setEmpty(Tag.AccessionNumber, VR.SH);
        id.setEmpty(Tag.PatientName, VR.PN);
        id.setEmpty(Tag.PatientID, VR.LO);
        id.setEmpty(Tag.PatientBirthDate, VR.DA);
        id.setEmpty(Tag.PatientSex, VR.CS);
        id.setEmpty(Tag.StudyInstanceUID, VR.UI);
        id.setEmpty(Tag.RequestedProcedureDescription, VR.LO);
        id.setEmpty(Tag.RequestedProcedureID, VR.SH);
        Dataset sps = id.addItem(Tag.ScheduledProcedureStepSequence);
        sps.setString(Tag.Modality, VR.CS, modality == null ? "" : modality);
        sps.setEmpty(Tag.ScheduledStationAETitle, VR.AE);
        sps.setString(Tag.ScheduledProcedureStepStartDate, VR.DA, dateKey());
        sps.setEmpty(Tag.ScheduledProcedureStepStartTime, VR.TM);
        sps.setEmpty(Tag.ScheduledProcedureStepDescription, VR.LO);
        sps.setEmpty(Tag.ScheduledProcedureStepID, VR.SH);
        sps.setEmpty(Tag.ScheduledProcedureStepStatus, VR.CS);
        return id;
    }

    /**
     * The date key as DA wants it (PS3.5 Table 6.2-1): {@code 2025-03-10} and
     * {@code 2025-03-10-2025-03-11} become {@code 20250310} and {@code 20250310-20250311}.
     */
    private String dateKey() {
        if (date == null) {
            return "";
        }
        return date.trim().replaceAll("(\\d{4})-(\\d{2})-(\\d{2})", "$1$2$3");
    }

    private static void print(List<Dataset> matches, PrintWriter out) {
        for (Dataset match : matches) {
            Dataset sps = match.getItem(Tag.ScheduledProcedureStepSequence);
            Dataset step = sps == null ? new Dataset() : sps;
            out.printf("  %-10s %-8s %-30s %-36s %-3s %-16s %-10s %s%n",
                    value(step, Tag.ScheduledProcedureStepStartDate),
                    value(step, Tag.ScheduledProcedureStepStartTime),
                    value(match, Tag.PatientName), value(match, Tag.PatientID),
                    value(step, Tag.Modality), value(step, Tag.ScheduledStationAETitle),
                    value(step, Tag.ScheduledProcedureStepStatus),
                    value(match, Tag.StudyInstanceUID));
        }
    }

    private static String value(Dataset ds, int tag) {
        String text = ds.getText(tag);
        return text == null ? "" : text;
    }

    static String comment(DimseResponse response) {
        String comment = response.errorComment();
        return comment == null || comment.isEmpty() ? "" : " (" + comment + ")";
    }
}
