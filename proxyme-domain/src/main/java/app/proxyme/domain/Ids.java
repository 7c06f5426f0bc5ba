package app.proxyme.domain;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Unguessable identifiers with a type prefix ({@code sg_}, {@code ap_}, {@code ev_}). */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String next(String prefix) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return prefix + "_" + HexFormat.of().formatHex(bytes);
    }
}
