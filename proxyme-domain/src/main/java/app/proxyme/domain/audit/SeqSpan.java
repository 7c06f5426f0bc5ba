package app.proxyme.domain.audit;

/** An inclusive range {@code from <= seq <= to} of an organisation's chain. */
public record SeqSpan(long from, long to) {
    public SeqSpan {
        if (from < 1 || to < from) {
            throw new IllegalArgumentException("not a seq span: " + from + ".." + to);
        }
    }
}
