package care.mend.media.kurento.standin;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What answers on the stand-in's port while it is down behind a load balancer: every request, a WebSocket handshake
 * included, is answered {@code 502 Bad Gateway}, and the connection stays open as an HTTP/1.1 server keeps it, until
 * the client closes it. Java-WebSocket can only refuse a handshake with 404 or 500, so this is a plain socket.
 */
final class BadGateway implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    BadGateway(int port, AtomicInteger requests) {
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new IllegalStateException("the stand-in could not listen for its 502 mode", e);
        }
        acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    open.add(socket);
                    requests.incrementAndGet();
                    Thread answer = new Thread(() -> {
                        answer502(socket);
                        open.remove(socket);
                    }, "kms-standin-502-answer");
                    answer.setDaemon(true);
                    answer.start();
                } catch (IOException e) {
                    // Closed while accepting.
                }
            }
        }, "kms-standin-502");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Answers the request 502 and keeps the connection open, as an HTTP/1.1 server does, until the client closes
     * it (or 30 s pass).
     */
    private static void answer502(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            // The request head ends with an empty line; the body (there is none) is not read.
            String end = "\r\n\r\n";
            int seen = 0;
            while (seen < end.length()) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                seen = b == end.charAt(seen) ? seen + 1 : b == '\r' ? 1 : 0;
            }
            socket.getOutputStream().write(("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: 11\r\n\r\nBad Gateway").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            while (in.read() >= 0) {
                // Whatever else comes is not answered.
            }
        } catch (IOException e) {
            // The client went away, or the stand-in closed: nothing more to say.
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5000);
        for (Socket socket : open) {
            socket.close();
        }
    }
}
