package app.proxyme.engine.adapter.nlp;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product is their cosine similarity. */
interface SentenceEncoder {
    float[] encode(String sentence);

    default List<float[]> encodeAll(List<String> sentences) {
        return sentences.stream().map(this::encode).toList();
    }

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }
}
