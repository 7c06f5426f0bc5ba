package app.proxyme.domain.port.out;

/** The vault will not issue the token: the member's role may not act on that scope or topic. */
public class TokenRefusedException extends RuntimeException {
    public TokenRefusedException(String message) {
        super(message);
    }
}
