package app.proxyme.engine.audit.verify;

import app.proxyme.domain.audit.ChainVerdict;
import app.proxyme.engine.audit.format.CanonicalWriter;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Verifies a JSON Lines export (one event per line) on every core: the file is cut into blocks at line ends,
 * workers canonicalize and hash the blocks' events in parallel, and the links are checked in file order on the
 * calling thread. Memory is bounded by the blocks in flight. Same verdicts as {@link AuditStreamVerifier}.
 */
public final class ParallelAuditVerifier {
    private final int threads;
    private final int blockSize;
    private final JsonFactory json = new JsonFactory();
    private final ThreadLocal<LinkReader> readers = ThreadLocal.withInitial(LinkReader::new);

    /** What a worker made of one block: its links, and why it stopped early if it did. */
    private record Block(List<ChainLink> links, String error) {}

    public ParallelAuditVerifier(int threads) {
        this(threads, 4 << 20);
    }

    ParallelAuditVerifier(int threads, int blockSize) {
        this.threads = Math.max(1, threads);
        this.blockSize = blockSize;
    }

    /** Reads the export to its end (or its first unreadable event) and returns the verdict. */
    public ChainVerdict verify(InputStream in, ChainCheck.Mode mode, String expectedHead) throws IOException {
        return verify(in, mode, expectedHead, null);
    }

    /** As {@link #verify(InputStream, ChainCheck.Mode, String)}, checking checkpoint signatures with {@code seals}. */
    public ChainVerdict verify(InputStream in, ChainCheck.Mode mode, String expectedHead, ChainCheck.SealCheck seals)
            throws IOException {
        var check = new ChainCheck(mode, seals);
        long position = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "verify-audit");
            t.setDaemon(true);
            return t;
        });
        try {
            var inFlight = new ArrayDeque<Future<Block>>();
            byte[] carry = new byte[0];
            boolean eof = false;
            while (!eof || !inFlight.isEmpty()) {
                while (!eof && inFlight.size() < threads * 2) {
                    byte[] block = Arrays.copyOf(carry, carry.length + blockSize);
                    int n = carry.length;
                    int r;
                    while (n < block.length && (r = in.read(block, n, block.length - n)) > 0) {
                        n += r;
                    }
                    eof = n < block.length;
                    int end = eof ? n : lastLineEnd(block, n);
                    if (end < 0) { // a line longer than a block: grow and read on
                        carry = Arrays.copyOf(block, n);
                        continue;
                    }
                    carry = Arrays.copyOfRange(block, end, n);
                    final int length = end;
                    inFlight.add(pool.submit(() -> links(block, length)));
                }
                Block done = await(inFlight.poll());
                for (ChainLink link : done.links()) {
                    position++;
                    check.accept(link);
                }
                if (done.error() != null) {
                    return AuditStreamVerifier.unreadable(position + 1, done.error());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return check.verdict(expectedHead);
    }

    private static int lastLineEnd(byte[] block, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (block[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }

    private Block links(byte[] block, int length) throws IOException {
        var links = new ArrayList<ChainLink>(length / 400 + 16);
        LinkReader reader = readers.get();
        try (JsonParser p = json.createParser(block, 0, length)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_OBJECT) {
                    return new Block(links, "not a JSON object");
                }
                links.add(reader.link(p));
            }
        } catch (JsonProcessingException e) {
            return new Block(links, e.getOriginalMessage());
        } catch (CanonicalWriter.Invalid e) {
            return new Block(links, e.getMessage());
        }
        return new Block(links, null);
    }

    private static Block await(Future<Block> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }
}
