package ru.frmr.infra.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback port helpers; a race with other processes between the check and the bind is accepted. */
public final class Ports {

    private Ports() {
    }

    /** Distinct free loopback ports. */
    public static int[] pickFree(int count) {
        // All sockets stay open until every port is chosen, so the ports cannot repeat.
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            }
            return sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot find a free loopback port", e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    public static boolean isFree(String host, int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to recover: the port is free again either way once the JVM exits.
        }
    }
}
