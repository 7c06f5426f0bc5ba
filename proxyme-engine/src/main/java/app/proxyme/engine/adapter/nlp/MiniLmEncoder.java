package app.proxyme.engine.adapter.nlp;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import app.proxyme.domain.DependencyUnavailableException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * The local all-MiniLM-L6-v2 (quantized) sentence embedding model, loaded once, lazily, and shared by every
 * classifier of the process. The ONNX session is safe for concurrent use.
 */
final class MiniLmEncoder implements SentenceEncoder {
    private static volatile EmbeddingModel model;

    static final MiniLmEncoder SHARED = new MiniLmEncoder();
    /** How many sentences' embeddings are kept ({@link #encode}). */
    static final int CACHED_SENTENCES = 10_000;

    private MiniLmEncoder() {}

    private static EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (MiniLmEncoder.class) {
                m = model;
                if (m == null) {
                    m = load();
                    model = m;
                }
            }
        }
        return m;
    }

    private static final String MODEL = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

    /**
     * Loads the model with one intra-op thread and no spin-waiting: every caller (one per meeting lane) runs its
     * own inference on its own thread, so ONNX Runtime's pool would only add threads that busy-wait for work.
     */
    private static EmbeddingModel load() {
        try (InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = env.createSession(model.readAllBytes(), options);
            return new SingleThreadedMiniLm(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN));
        } catch (IOException | OrtException | RuntimeException | LinkageError e) {
            throw new DependencyUnavailableException(
                    "classifier", "the local embedding model could not be loaded: " + e, e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return in;
    }

    /** The model, embedding on the calling thread (no hand-off to an executor for a sentence or two). */
    private static final class SingleThreadedMiniLm extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        SingleThreadedMiniLm(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    /**
     * Sentences encoded lately, shared by all threads: an embedding depends on the text alone, and the same sentences
     * come back (a chunk's question is encoded for the topic and again for the answer; playbook answers and their
     * sentences recur in every output check). Bounded: about 1.6 KB per entry.
     */
    private final Cache<String, float[]> recent =
            Caffeine.newBuilder().maximumSize(CACHED_SENTENCES).build();

    @Override
    public float[] encode(String sentence) {
        return recent.get(sentence, s -> encodeAll(List.of(s)).get(0)).clone();
    }

    /**
     * At most one inference per processor at a time: an inference is pure CPU work, so more of them at once would only
     * share the processors and slow each other down, and with them the short work every chunk waits for (the audit
     * commit, the network). The others wait their turn, first come first served.
     */
    private static final Semaphore INFERENCES =
            new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    @Override
    public List<float[]> encodeAll(List<String> sentences) {
        EmbeddingModel m = model();
        var segments = sentences.stream()
                .map(s -> TextSegment.from(s.isBlank() ? "." : s))
                .toList();
        INFERENCES.acquireUninterruptibly();
        try {
            return m.embedAll(segments).content().stream()
                    .map(e -> SentenceEncoder.unit(e.vector()))
                    .toList();
        } catch (RuntimeException | LinkageError e) {
            throw new DependencyUnavailableException("classifier", "the local embedding model failed: " + e, e);
        } finally {
            INFERENCES.release();
        }
    }
}
