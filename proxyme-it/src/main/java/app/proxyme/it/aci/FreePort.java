package app.proxyme.it.aci;

import java.io.IOException;
import java.net.ServerSocket;

/** Prints a TCP port that is free on this machine right now (for the example script's own server). */
public final class FreePort {
    private FreePort() {}

    public static void main(String[] args) throws IOException {
        try (var socket = new ServerSocket(0)) {
            System.out.println(socket.getLocalPort());
        }
    }
}
