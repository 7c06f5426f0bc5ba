package app.proxyme.web.transport;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.webserver.ConnectionContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One WebSocket's TCP connection under Tyrus, which on Helidon's web server never closes a connection itself: this
 * ends it once the closing handshake is done (or {@link #LINGER} after the server's close frame went out, for a
 * client that does not answer), refuses a frame larger than the hard cap with close code 1009 before buffering it
 * (discarding the rest of it, so that the client still reads the close frame), and lets the socket above cut the
 * connection off ({@link #abort()}).
 */
public final class Transport {
    private static final System.Logger LOG = System.getLogger(Transport.class.getName());
    private static final ThreadLocal<Transport> CURRENT = new ThreadLocal<>();
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("ws-linger").daemon(true).factory());

    /** How long the server waits for the client's answer to its close frame before it closes the connection. */
    public static final Duration LINGER = Duration.ofSeconds(2);

    private enum Reading {
        FRAMES,
        /** an oversized frame was refused: everything is dropped until the client's close frame */
        DISCARDING,
        /** the client's close frame went to Tyrus: the connection ends */
        ENDED
    }

    private final ConnectionContext ctx;
    private final long maxFrame;
    private final FrameScanner in = new FrameScanner();
    private final FrameScanner out = new FrameScanner();
    private final ReentrantLock writing = new ReentrantLock();
    private final DataReader reader;
    private final DataWriter writer;
    private volatile Reading reading = Reading.FRAMES;
    private volatile boolean upgraded;
    private volatile boolean closeSent;
    private volatile boolean aborted;
    private int passUpTo;

    Transport(ConnectionContext ctx, long maxFrame) {
        this.ctx = ctx;
        this.maxFrame = maxFrame;
        this.reader = new DataReader(this::nextBytes);
        this.writer = new GuardedWriter();
    }

    /** The transport of the socket whose connection this thread serves (Tyrus calls {@code @OnOpen} on it). */
    public static Optional<Transport> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** Closes the TCP connection now, without waiting for a closing handshake (a client that does not read). */
    public void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        try {
            ctx.serverSocket().close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a socket failed: " + e);
        }
    }

    /** Closes the TCP connection after {@code delay} unless it ended before. */
    public void abortAfter(Duration delay) {
        if (!aborted) {
            TIMER.schedule(this::abort, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The largest frame accepted; a larger one closes the socket with 1009. */
    public long maxFrame() {
        return maxFrame;
    }

    DataReader reader() {
        return reader;
    }

    DataWriter writer() {
        return writer;
    }

    void upgraded() {
        upgraded = true;
    }

    void bind() {
        CURRENT.set(this);
    }

    void unbind() {
        CURRENT.remove();
        aborted = true; // the web server closes the connection once its handler returns
    }

    /** The bytes Tyrus reads: the client's frames up to its close frame; null ends the connection. */
    private byte[] nextBytes() {
        while (reading != Reading.ENDED && !aborted) {
            BufferData data;
            try {
                data = ctx.dataReader().readBuffer();
            } catch (DataReader.InsufficientDataAvailableException e) {
                return null;
            }
            byte[] bytes = new byte[data.available()];
            data.read(bytes);
            Reading before = reading;
            passUpTo = bytes.length;
            in.scan(bytes, bytes.length, incoming);
            if (before == Reading.DISCARDING) {
                continue;
            }
            if (passUpTo > 0) {
                return passUpTo == bytes.length ? bytes : Arrays.copyOf(bytes, passUpTo);
            }
        }
        return null;
    }

    private final FrameScanner.Frames incoming = new FrameScanner.Frames() {
        @Override
        public boolean header(int opcode, long length, int start) {
            if (reading == Reading.FRAMES && length > maxFrame) {
                reading = Reading.DISCARDING;
                passUpTo = Math.max(0, start);
                refuse(length);
            }
            return true;
        }

        @Override
        public boolean end(int opcode, int end) {
            if (opcode != FrameScanner.CLOSE) {
                return true;
            }
            if (reading == Reading.FRAMES) {
                passUpTo = end; // Tyrus answers the close frame while it reads it; nothing valid follows it
            }
            reading = Reading.ENDED;
            return false;
        }
    };

    private void refuse(long length) {
        LOG.log(
                System.Logger.Level.INFO,
                "a WebSocket frame of " + length + " bytes is above the limit of " + maxFrame + ": closing with 1009");
        abortAfter(Duration.ofSeconds(5)); // however long the rest of the frame takes to arrive
        byte[] reason = ("frame larger than " + maxFrame + " bytes").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[4 + reason.length];
        frame[0] = (byte) (0x80 | FrameScanner.CLOSE);
        frame[1] = (byte) (2 + reason.length);
        frame[2] = (byte) (1009 >>> 8);
        frame[3] = (byte) (1009 & 0xff);
        System.arraycopy(reason, 0, frame, 4, reason.length);
        writer.writeNow(BufferData.create(frame));
    }

    /** Writes whole frames one at a time, notices the close frame, and writes nothing after it. */
    private final class GuardedWriter implements DataWriter {
        @Override
        public void write(BufferData... buffers) {
            for (BufferData b : buffers) {
                write(b);
            }
        }

        @Override
        public void write(BufferData buffer) {
            writeNow(buffer);
        }

        @Override
        public void writeNow(BufferData... buffers) {
            for (BufferData b : buffers) {
                writeNow(b);
            }
        }

        @Override
        public void writeNow(BufferData buffer) {
            if (!upgraded) {
                ctx.dataWriter().writeNow(buffer); // the handshake's response
                return;
            }
            byte[] bytes = new byte[buffer.available()];
            buffer.read(bytes);
            writing.lock();
            try {
                if (closeSent || aborted) {
                    return;
                }
                boolean[] close = {false};
                out.scan(bytes, bytes.length, new FrameScanner.Frames() {
                    @Override
                    public boolean header(int opcode, long length, int start) {
                        return true;
                    }

                    @Override
                    public boolean end(int opcode, int end) {
                        close[0] |= opcode == FrameScanner.CLOSE;
                        return true;
                    }
                });
                if (close[0]) {
                    closeSent = true;
                    abortAfter(LINGER);
                }
                ctx.dataWriter().writeNow(BufferData.create(bytes));
            } finally {
                writing.unlock();
            }
        }

        @Override
        public void flush() {
            ctx.dataWriter().flush();
        }

        @Override
        public void close() {
            ctx.dataWriter().close();
        }
    }
}
