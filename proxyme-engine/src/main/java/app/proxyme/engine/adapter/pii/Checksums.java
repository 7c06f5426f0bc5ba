package app.proxyme.engine.adapter.pii;

import java.math.BigInteger;

/** The validations that tell a real identifier from a number that looks like one. */
final class Checksums {
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Checksums() {}

    /** The Luhn check of a payment card number (digits only). */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616 IBAN check: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    static boolean iban(String compact) {
        if (compact.length() < 15 || compact.length() > 34) {
            return false;
        }
        String moved = compact.substring(4) + compact.substring(0, 4);
        var numeric = new StringBuilder(moved.length() * 2);
        for (char c : moved.toCharArray()) {
            if (Character.isDigit(c)) {
                numeric.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                numeric.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(numeric.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** The SSA's rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
    static boolean ssn(String area, String group, String serial) {
        int a = Integer.parseInt(area);
        return a != 0 && a != 666 && a < 900 && Integer.parseInt(group) != 0 && Integer.parseInt(serial) != 0;
    }

    /** An IPv4 address: four octets of at most 255, without leading zeros. */
    static boolean ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0') || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** An IPv6 address (RFC 4291 text forms, without an embedded IPv4 part): at most one {@code ::}. */
    static boolean ipv6(String s) {
        int compressed = s.indexOf("::");
        if (compressed >= 0 && s.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String[] groups = s.split(":", -1);
        int filled = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                boolean partOfCompression = compressed >= 0;
                if (!partOfCompression) {
                    return false;
                }
                continue;
            }
            if (g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            filled++;
        }
        return compressed >= 0 ? filled < 8 && filled >= 1 : filled == 8;
    }
}
