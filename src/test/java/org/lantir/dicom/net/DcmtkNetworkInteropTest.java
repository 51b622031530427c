package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.DicomReader;
import org.lantir.dicom.data.TransferSyntax;
import org.lantir.testsupport.Dcmtk;

/**
 * dcmtk's echoscu and findscu, an independent implementation, against Lantir's listener.
 * Missing dcmtk skips these tests, except under CI=true where it fails them.
 */
@Timeout(120)
class DcmtkNetworkInteropTest {

    private DicomServer server;

    DicomServer start(DimseService... services) throws Exception {
        server = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0)
                .withAllowedCallingAeTitles(Set.of("MRI_3T", "ECHOSCU", "FINDSCU")));
        for (DimseService service : services) {
            server.register(service);
        }
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    String port() {
        return Integer.toString(server.port());
    }

    @Test
    void echoscuGetsSuccess() throws Exception {
        Dcmtk.require("echoscu");
        start();

        Dcmtk.Result result = Dcmtk.run("echoscu", "-v", "-aet", "MRI_3T", "-aec", "MWL_SCP",
                "127.0.0.1", port());

        result.requireSuccess("echoscu");
        assertThat(result.stdout() + result.stderr()).contains("Received Echo Response (Success)");
    }

    @Test
    void echoscuToTheWrongCalledAeIsRefusedAtAssociation() throws Exception {
        Dcmtk.require("echoscu");
        start();

        Dcmtk.Result result = Dcmtk.run("echoscu", "-aet", "MRI_3T", "-aec", "WRONG_AE",
                "127.0.0.1", port());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout() + result.stderr())
                .containsIgnoringCase("Called AE Title Not Recognized");
    }

    @Test
    void echoscuFromAnAeNotOnTheAllowListIsRefusedAtAssociation() throws Exception {
        Dcmtk.require("echoscu");
        start();

        Dcmtk.Result result = Dcmtk.run("echoscu", "-aet", "ROGUE_WS", "-aec", "MWL_SCP",
                "127.0.0.1", port());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout() + result.stderr())
                .containsIgnoringCase("Calling AE Title Not Recognized");
    }

    @Test
    void findscuReachesTheWorklistServiceAndReceivesEveryMatch() throws Exception {
        Dcmtk.require("findscu");
        FakeServices.Worklist worklist = new FakeServices.Worklist(
                FakeServices.match("DOE^JANE"), FakeServices.match("DOE^JOHN"));
        start(worklist);

        Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-W", "-aet", "MRI_3T", "-aec",
                "MWL_SCP", "-k", "PatientName=DOE*", "-k", "PatientID", "127.0.0.1", port());

        result.requireSuccess("findscu");
        String output = result.stdout() + result.stderr();
        assertThat(output).contains("DOE^JANE").contains("DOE^JOHN");
        assertThat(worklist.requests).singleElement().satisfies(rq ->
                assertThat(rq.dataset().getString(org.lantir.dicom.data.Tag.PatientName))
                        .isEqualTo("DOE*"));
    }

    @Test
    void findscuWithMaxPdu4096ReceivesTheLargeC18Item() throws Exception {
        Dcmtk.require("findscu");
        byte[] item = Dcmtk.dump2dcm(resource("cases/inputs/C18-item-large.dump"), "+l",
                "20000", "+te");
        Dataset large = DicomReader.read(item, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        start(new FakeServices.Worklist(large));

        Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-W", "-pdu", "4096", "-aet",
                "FINDSCU", "-aec", "MWL_SCP", "-k", "PatientName", "127.0.0.1", port());

        result.requireSuccess("findscu");
        assertThat(result.stdout() + result.stderr()).contains("ROE^RICHARD")
                .contains("Find Response: 1 (Pending)");
    }

    @Test
    void findscuCancelGetsCancelStatus() throws Exception {
        Dcmtk.require("findscu");
        start(new FakeServices.SlowWorklist());

        Dcmtk.Result result = Dcmtk.run("findscu", "-v", "-W", "--cancel", "1", "-aet",
                "MRI_3T", "-aec", "MWL_SCP", "-k", "PatientName", "127.0.0.1", port());

        result.requireSuccess("findscu");
        assertThat(result.stdout() + result.stderr())
                .contains("Received Final Find Response (Cancel");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(DcmtkNetworkInteropTest.class.getClassLoader().getResource(name).toURI());
    }
}
