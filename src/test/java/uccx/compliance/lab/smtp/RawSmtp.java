package uccx.compliance.lab.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain socket client, so the tests compare the exact lines Exchange would write. */
record RawSmtp(Socket socket, BufferedReader in, OutputStream out) implements AutoCloseable {

    static RawSmtp connect(SmtpEndpoint endpoint) throws IOException {
        Socket socket = new Socket(endpoint.host(), endpoint.port());
        // Bounded: a wrong lab must fail the test, never hang the build.
        socket.setSoTimeout(3_000);
        return new RawSmtp(socket, new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)),
                socket.getOutputStream());
    }

    List<String> send(String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply();
    }

    /** One reply, following "250-" continuation lines to the last "250 " line. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        do {
            line = in.readLine();
            lines.add(line);
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return lines;
    }

    /** True when the server has closed its side. */
    boolean closedByServer() throws IOException {
        return in.readLine() == null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
