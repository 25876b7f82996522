package uccx.compliance.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that is reserved and closed: a socket bound to it that never listens, so that
 * a connection to it is refused (TCP RST) for as long as the lab runs, and no other server of
 * the machine can take it meanwhile.
 */
final class ClosedPort implements AutoCloseable {

    private final Socket reservation;

    private ClosedPort(Socket reservation) {
        this.reservation = reservation;
    }

    static ClosedPort reserve() {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return new ClosedPort(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was reserved
            }
            throw new UncheckedIOException("could not reserve a closed loopback port", e);
        }
    }

    int port() {
        return reservation.getLocalPort();
    }

    @Override
    public void close() {
        try {
            reservation.close();
        } catch (IOException ignored) {
            // the port is free either way
        }
    }
}
