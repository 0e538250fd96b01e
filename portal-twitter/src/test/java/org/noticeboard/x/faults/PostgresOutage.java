package org.noticeboard.x.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A TCP proxy between a portal and PostgreSQL that can play "the database stopped" without
 * touching the server (which other tests, or CI's second pass, share): {@link #stop()} cuts every
 * open connection and refuses new ones (nothing listens on the port); {@link #start()} listens on
 * the same port again. The portal is given {@link #jdbcUrl()}; everyone else talks to the server
 * directly.
 */
final class PostgresOutage implements AutoCloseable {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/");

    private final String upstreamUrl;
    private final String upstreamHost;
    private final int upstreamPort;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile @Nullable ServerSocket listener;
    private volatile @Nullable Thread acceptor;
    private volatile boolean closed;

    private PostgresOutage(String upstreamUrl, String upstreamHost, int upstreamPort) throws IOException {
        this.upstreamUrl = upstreamUrl;
        this.upstreamHost = upstreamHost;
        this.upstreamPort = upstreamPort;
        ServerSocket first = listen(0);
        this.port = first.getLocalPort();
        accept(first);
    }

    /** A proxy in front of the server that {@code jdbcUrl} names, up. */
    static PostgresOutage inFrontOf(String jdbcUrl) throws IOException {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        if (!m.find()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a host: " + jdbcUrl);
        }
        return new PostgresOutage(jdbcUrl, m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    /** The same database as the upstream URL, through this proxy. */
    String jdbcUrl() {
        return HOST_PORT.matcher(upstreamUrl).replaceFirst("jdbc:postgresql://127.0.0.1:" + port + "/");
    }

    /** The database "stops": every connection through the proxy is cut, and new ones are refused. */
    synchronized void stop() throws IOException {
        ServerSocket current = listener;
        listener = null;
        if (current != null) {
            current.close();
        }
        // a socket closed while a (virtual) thread accepts on it is released when that thread leaves accept
        Thread accepting = acceptor;
        if (accepting != null) {
            try {
                accepting.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Socket socket : open) {
            closeQuietly(socket);
        }
        open.clear();
    }

    /** The database is back: connections are accepted again, on the same port. */
    synchronized void start() throws IOException {
        if (listener == null && !closed) {
            accept(listen(port));
        }
    }

    /** Connections open through the proxy now (each client connection counts with its upstream one). */
    int openConnections() {
        return open.size() / 2;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        stop();
    }

    private static ServerSocket listen(int port) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 100);
                return socket;
            } catch (BindException e) {
                socket.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void accept(ServerSocket socket) {
        listener = socket;
        acceptor = Thread.ofVirtual().name("postgres-outage-accept").start(() -> {
            while (listener == socket) {
                Socket client;
                try {
                    client = socket.accept();
                } catch (IOException e) {
                    return; // stopped
                }
                Thread.ofVirtual().start(() -> connect(socket, client));
            }
        });
    }

    private void connect(ServerSocket acceptedBy, Socket client) {
        Socket server;
        try {
            server = new Socket(upstreamHost, upstreamPort);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            closeQuietly(client);
            return;
        }
        synchronized (this) {
            if (listener != acceptedBy) {
                // stopped between accept and connect: this connection never was
                closeQuietly(client);
                closeQuietly(server);
                return;
            }
            open.add(client);
            open.add(server);
        }
        Thread.ofVirtual().start(() -> pipe(client, server));
        Thread.ofVirtual().start(() -> pipe(server, client));
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
