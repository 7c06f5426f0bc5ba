package app.proxyme.web.boot;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;

/**
 * Where a phone finds this server: {@code PROXYME_PUBLIC_URL} (the address a phone can reach, e.g. behind a reverse
 * proxy), else the address the overlay itself used. A server listening on the loopback interface only (the embedded
 * demo without {@code PROXYME_DEMO_EXPOSED=true}) cannot be reached from a phone unless a public URL is set.
 *
 * @param publicUrl the configured public base URL ({@code scheme://host[:port][/path]}, no trailing slash)
 * @param loopbackOnly whether the overlay's port listens on the loopback interface only
 */
public record PhoneReach(Optional<URI> publicUrl, boolean loopbackOnly) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** Whether a phone on the network can open the pairing link. */
    public boolean reachable() {
        return publicUrl.isPresent() || !loopbackOnly;
    }

    /** The base URL of the pairing link: the public URL, else {@code requestBase} (the overlay's own address). */
    public String base(URI requestBase) {
        return publicUrl
                .map(URI::toString)
                .orElseGet(() -> requestBase.getScheme() + "://" + requestBase.getRawAuthority());
    }

    /** Reads {@code proxyme.public.url} and {@code server.host}. */
    static PhoneReach read(Config config) {
        Optional<URI> url = config.getOptionalValue("proxyme.public.url", String.class)
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(PhoneReach::parse);
        String host = config.getOptionalValue("server.host", String.class).orElse("0.0.0.0");
        return new PhoneReach(url, LOOPBACK.contains(host.strip().toLowerCase(Locale.ROOT)));
    }

    static URI parse(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("PROXYME_PUBLIC_URL is not a URL: " + value, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new IllegalStateException(
                    "PROXYME_PUBLIC_URL must be an http(s) address without query or fragment, e.g."
                            + " https://proxyme.example.com: " + value);
        }
        return uri;
    }
}
