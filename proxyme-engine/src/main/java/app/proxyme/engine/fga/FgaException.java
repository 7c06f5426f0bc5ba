package app.proxyme.engine.fga;

/**
 * A request the model cannot answer, with OpenFGA's error code: {@link #VALIDATION} (2000), {@link #TOO_COMPLEX}
 * (2002, resolution deeper than the limit), {@link #TYPE_NOT_FOUND} (2021), {@link #RELATION_NOT_FOUND} (2022),
 * {@link #INVALID_TUPLE} (2027, e.g. a contextual tuple the model does not allow).
 */
public class FgaException extends RuntimeException {
    public static final int VALIDATION = 2000;
    public static final int TOO_COMPLEX = 2002;
    public static final int TYPE_NOT_FOUND = 2021;
    public static final int RELATION_NOT_FOUND = 2022;
    public static final int INVALID_TUPLE = 2027;

    private final int code;

    public FgaException(int code, String message) {
        super(message);
        this.code = code;
    }

    /** OpenFGA's numeric error code. */
    public int code() {
        return code;
    }
}
