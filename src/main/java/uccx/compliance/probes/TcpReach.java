package uccx.compliance.probes;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import uccx.compliance.environment.Durations;

/** NET-01: does a TCP connect to the port succeed within the timeout? Nothing is sent. */
public final class TcpReach {

    private TcpReach() {
    }

    public static Reach probe(String host, int port, Duration timeout) {
        long start = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(Math.max(1, timeout.toMillis())));
            return new Reach(host, port, true, since(start), "");
        } catch (UnknownHostException e) {
            return new Reach(host, port, false, since(start), "unknown host");
        } catch (SocketTimeoutException e) {
            return new Reach(host, port, false, since(start), "no answer within " + Durations.seconds(timeout));
        } catch (ConnectException e) {
            return new Reach(host, port, false, since(start), "connection refused");
        } catch (NoRouteToHostException e) {
            return new Reach(host, port, false, since(start), "no route to host");
        } catch (IOException e) {
            return new Reach(host, port, false, since(start), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
