package app.proxyme.engine.adapter.local;

import app.proxyme.domain.port.DependencyUnavailableException;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;

/**
 * The local all-MiniLM-L6-v2 (quantized) sentence embedding model, loaded once, lazily, and shared by every
 * classifier of the process. The ONNX session is safe for concurrent use.
 */
final class MiniLmEncoder implements SentenceEncoder {
    private static volatile EmbeddingModel model;

    static final MiniLmEncoder SHARED = new MiniLmEncoder();

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

    private static EmbeddingModel load() {
        try {
            return new AllMiniLmL6V2QuantizedEmbeddingModel();
        } catch (RuntimeException | LinkageError e) {
            throw new DependencyUnavailableException("classifier",
                    "the local embedding model could not be loaded: " + e, e);
        }
    }

    @Override
    public float[] encode(String sentence) {
        return encodeAll(List.of(sentence)).get(0);
    }

    @Override
    public List<float[]> encodeAll(List<String> sentences) {
        EmbeddingModel m = model();
        try {
            var segments = sentences.stream().map(s -> TextSegment.from(s.isBlank() ? "." : s)).toList();
            return m.embedAll(segments).content().stream().map(e -> SentenceEncoder.unit(e.vector())).toList();
        } catch (RuntimeException | LinkageError e) {
            throw new DependencyUnavailableException("classifier", "the local embedding model failed: " + e, e);
        }
    }
}
