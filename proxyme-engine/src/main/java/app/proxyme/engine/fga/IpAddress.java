package app.proxyme.engine.fga;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;

/**
 * OpenFGA's {@code ipaddress} condition parameter type: an IPv4 or IPv6 address, with {@code in_cidr(cidr)} telling
 * whether it lies in a network written in CIDR notation ({@code "192.168.0.0/24"}).
 */
public record IpAddress(InetAddress address) {
    /** Parses a literal address (never a host name: nothing is looked up). */
    public static IpAddress parse(String text) {
        try {
            return new IpAddress(InetAddresses.forString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    /** Whether the address lies in the CIDR network; a malformed CIDR is an {@link IllegalArgumentException}. */
    public boolean inCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + cidr + "' is not a CIDR network");
        }
        byte[] network = parse(cidr.substring(0, slash)).address().getAddress();
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not a CIDR network", e);
        }
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has an invalid prefix length");
        }
        byte[] mine = address.getAddress();
        if (mine.length != network.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((mine[i / 8] & mask) != (network[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return InetAddresses.toAddrString(address);
    }
}
