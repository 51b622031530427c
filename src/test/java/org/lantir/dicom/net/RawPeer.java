package org.lantir.dicom.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import org.lantir.dicom.data.Dataset;
import org.lantir.dicom.data.UID;
import org.lantir.dicom.net.pdu.AAssociateAC;
import org.lantir.dicom.net.pdu.AAssociateRQ;
import org.lantir.dicom.net.pdu.AsyncOperationsWindow;
import org.lantir.dicom.net.pdu.PDU;
import org.lantir.dicom.net.pdu.PDUDecoder;
import org.lantir.dicom.net.pdu.PDUEncoder;
import org.lantir.dicom.net.pdu.PDUException;
import org.lantir.dicom.net.pdu.PDataTF;
import org.lantir.dicom.net.pdu.PresentationContextRQ;
import org.lantir.dicom.net.pdu.RoleSelection;
import org.lantir.dicom.net.pdu.UserInformation;

/**
 * A scripted DICOM peer on a raw socket: sends exactly the bytes a test chooses and shows
 * every PDU the other side sends. Reads time out after 10 s so a silent server fails the test
 * instead of hanging it.
 */
final class RawPeer implements AutoCloseable {

    final Socket socket;
    private final OutputStream out;
    private final PDUDecoder decoder;
    final List<PDataTF> received = new ArrayList<>();

    RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        this.out = socket.getOutputStream();
        this.decoder = new PDUDecoder(socket.getInputStream(), 0);
    }

    static RawPeer connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return new RawPeer(socket);
    }

    static AAssociateRQ request(String called, String calling, long maxPdu,
            PresentationContextRQ... contexts) {
        return new AAssociateRQ(1, called, calling, UID.DICOM_APPLICATION_CONTEXT,
                List.of(contexts), UserInformation.of(maxPdu, "1.2.3.4", "RAWPEER"));
    }

    static AAssociateRQ requestWithRolesAndWindow(String called, String calling,
            PresentationContextRQ... contexts) {
        UserInformation ui = new UserInformation(16384, "1.2.3.4", null,
                new AsyncOperationsWindow(5, 5),
                List.of(new RoleSelection(contexts[0].abstractSyntax(), true, true)), List.of());
        return new AAssociateRQ(1, called, calling, UID.DICOM_APPLICATION_CONTEXT,
                List.of(contexts), ui);
    }

    void send(PDU pdu) throws IOException {
        sendBytes(PDUEncoder.encode(pdu));
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next PDU, or null when the other side closed. */
    PDU read() throws IOException, PDUException {
        return decoder.read();
    }

    AAssociateAC associate(AAssociateRQ rq) throws Exception {
        send(rq);
        PDU answer = read();
        if (!(answer instanceof AAssociateAC ac)) {
            throw new AssertionError("Expected an A-ASSOCIATE-AC, got " + answer);
        }
        return ac;
    }

    /** Sends one DIMSE message fragmented to {@code maxPdu}. */
    void sendMessage(int contextId, Dataset command, byte[] data, long maxPdu)
            throws IOException {
        CommandSet.setDatasetType(command, data != null);
        for (PDataTF pdu : PDataFragmenter.fragment(contextId, CommandSet.encode(command), data,
                maxPdu)) {
            send(pdu);
        }
    }

    /** Reads P-DATA-TF PDUs (kept in {@link #received}) until {@code count} messages are in. */
    List<DimseMessage> readMessages(int count) throws Exception {
        PDataAssembler assembler = new PDataAssembler(id -> true);
        List<DimseMessage> messages = new ArrayList<>();
        while (messages.size() < count) {
            PDU pdu = read();
            if (!(pdu instanceof PDataTF data)) {
                throw new AssertionError("Expected P-DATA-TF, got " + pdu);
            }
            received.add(data);
            messages.addAll(assembler.add(data));
        }
        return messages;
    }

    /** Whether the other side closes the connection (reading and dropping anything else). */
    boolean closedByOtherSide() throws IOException {
        try {
            while (socket.getInputStream().read() >= 0) {
                continue;
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
