package app.proxyme.domain;

import java.util.Objects;

/** A request the core refuses, with the kind of refusal the runtime maps to its protocol (404, 403, 409, 400). */
public final class DomainException extends RuntimeException {
    /** Why the request was refused. */
    public enum Kind {
        NOT_FOUND,
        FORBIDDEN,
        CONFLICT,
        BAD_REQUEST
    }

    private final Kind kind;

    public DomainException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
    }

    public Kind kind() {
        return kind;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, message);
    }

    public static DomainException forbidden(String message) {
        return new DomainException(Kind.FORBIDDEN, message);
    }

    public static DomainException conflict(String message) {
        return new DomainException(Kind.CONFLICT, message);
    }

    public static DomainException badRequest(String message) {
        return new DomainException(Kind.BAD_REQUEST, message);
    }
}
