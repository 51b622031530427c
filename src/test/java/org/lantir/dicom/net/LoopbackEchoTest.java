package org.lantir.dicom.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lantir.dicom.data.UID;

@Timeout(30)
class LoopbackEchoTest {

    private DicomServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DicomServer(ServerSettings.of("MWL_SCP", "127.0.0.1", 0));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void echoOnVerificationContextAnswersSuccess() throws Exception {
        try (ClientAssociation a = new DicomClient().connect("127.0.0.1", server.port(),
                "MRI_3T", "MWL_SCP", DicomClient.contextsFor(UID.VERIFICATION))) {
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
            assertThat(a.echo().status()).isEqualTo(Status.SUCCESS);
        }
    }
}
