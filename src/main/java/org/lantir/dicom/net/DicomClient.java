package org.lantir.dicom.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.dicom.net.pdu.UserInformation;

/**
 * Opens associations as requestor (SCU): the CLI's test commands and the tests use it.
 *
 * <pre>
 * DicomClient client = new DicomClient();
 * try (ClientAssociation a = client.connect("127.0.0.1", 104, "LANTIR_SCU", "MWL_SCP",
 *         DicomClient.contextsFor(UID.VERIFICATION, UID.MODALITY_WORKLIST_FIND))) {
 *     a.echo();
 *     a.find(UID.MODALITY_WORKLIST_FIND, query, match -&gt; print(match));
 * }
 * </pre>
 */
public final class DicomClient {

    private static final class DefaultThreads {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "dicom-client-" + COUNT.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        static final TimerService TIMERS =
                TimerService.of(TimerService.newScheduler("dicom-client-timers"));
    }

    private final Executor readers;
    private final TimerService timers;

    /** A client on shared daemon threads. */
    public DicomClient() {
        this(DefaultThreads.READERS, DefaultThreads.TIMERS);
    }

    /**
     * @param readers runs one reader per association
     * @param timers ARTIM and write timers
     */
    public DicomClient(Executor readers, TimerService timers) {
        this.readers = readers;
        this.timers = timers;
    }

    /** Connects with {@link ClientSettings#defaults()}. */
    public ClientAssociation connect(String host, int port, String callingAeTitle,
            String calledAeTitle, List<PresentationContextRQ> contexts) throws IOException {
        return connect(host, port, callingAeTitle, calledAeTitle, contexts,
                ClientSettings.defaults());
    }

    /**
     * Opens a TCP connection, requests an association and waits for it to be accepted.
     *
     * @throws AssociationRejectedException when the acceptor rejects it
     * @throws IOException when the connection fails or no answer comes in time
     */
    public ClientAssociation connect(String host, int port, String callingAeTitle,
            String calledAeTitle, List<PresentationContextRQ> contexts, ClientSettings settings)
            throws IOException {
        AAssociateRQ rq = new AAssociateRQ(AAssociateRQ.PROTOCOL_VERSION_1,
                AeTitles.require(calledAeTitle, "calledAeTitle"),
                AeTitles.require(callingAeTitle, "callingAeTitle"), UID.DICOM_APPLICATION_CONTEXT,
                contexts, UserInformation.of(settings.maxPduLengthReceived(),
                        Implementation.CLASS_UID, Implementation.VERSION_NAME));
        return ClientAssociation.open(rq, new InetSocketAddress(host, port), settings, readers,
                timers);
    }

    /**
     * One context per abstract syntax, IDs 1, 3, 5..., each proposing Explicit then Implicit
     * VR Little Endian.
     */
    public static List<PresentationContextRQ> contextsFor(String... abstractSyntaxes) {
        List<PresentationContextRQ> contexts = new ArrayList<>();
        for (int i = 0; i < abstractSyntaxes.length; i++) {
            contexts.add(PresentationContextRQ.of(2 * i + 1, abstractSyntaxes[i],
                    UID.EXPLICIT_VR_LITTLE_ENDIAN, UID.IMPLICIT_VR_LITTLE_ENDIAN));
        }
        return contexts;
    }
}
