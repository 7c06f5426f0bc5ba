package app.proxyme.engine.adapter.pii;

import app.proxyme.domain.aci.PiiSpan;
import app.proxyme.domain.aci.PiiType;
import app.proxyme.domain.port.out.PiiScanner;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in process: e-mail addresses, IBANs (mod 97), payment cards (Luhn), US SSNs (the SSA's ranges),
 * IP addresses (v4 and v6), and phone numbers (libphonenumber, valid numbers of the given regions). Candidates come
 * from bounded patterns (no backtracking blow-up on untrusted text) and count only once validated; where two overlap,
 * the earlier type in that order wins.
 */
public final class LocalPiiScanner implements PiiScanner {
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,8}[A-Za-z]{2,24}(?![\\w-])");
    private static final Pattern IBAN_UPPER =
            Pattern.compile("(?<![A-Za-z0-9])[A-Z]{2}\\d{2}(?:[ -]?[A-Z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern IBAN_LOWER =
            Pattern.compile("(?<![A-Za-z0-9])[a-z]{2}\\d{2}(?:[ -]?[a-z0-9]){11,30}(?![A-Za-z0-9])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){11,18}(?![\\d-])");
    /** Issuer prefixes of 12-digit (Maestro) cards; longer numbers need only their Luhn check. */
    private static final Pattern MAESTRO_12 = Pattern.compile("(?:50|5[6-8]|6304|6390|67|0604)\\d+");
    /**
     * A phone-shaped run (digit groups with separators, an optional country code, area code in brackets and
     * extension); it counts when the text names it as a phone ({@link #PHONE_CUE}) or libphonenumber finds it valid.
     */
    private static final Pattern PHONE_SHAPE = Pattern.compile(
            "(?<![\\w+.-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{1,5}(?:[ .-]\\(?\\d{1,5}\\)?){0,5}(?:\\s?x\\d{1,5})?(?![\\w])");

    private static final Pattern PHONE_CUE = Pattern.compile(
            "(?i)(?:phone|call|mobile|cell|desk|fax|tel|reach|messages? to|answering at|registered|number|contact)\\W{0,12}$");
    private static final Pattern PHONE_TAIL = Pattern.compile("(?i)^[ -]{0,2}(?:office|fax|mobile|home|work)\\b");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\d-])");
    private static final Pattern IPV4 = Pattern.compile("(?<![\\d.])\\d{1,3}(?:\\.\\d{1,3}){3}(?![\\d.]*\\d)");
    private static final Pattern IPV6 =
            Pattern.compile("(?<![0-9A-Fa-f:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![0-9A-Fa-f:])");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final List<String> regions;

    /** @param regions the regions whose national phone formats are recognised (international ones always are) */
    public LocalPiiScanner(List<String> regions) {
        this.regions = regions.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
    }

    public LocalPiiScanner() {
        this(List.of("US", "GB", "DE", "FR"));
    }

    @Override
    public List<PiiSpan> scan(String field, String text) {
        var found = new ArrayList<PiiSpan>();
        matches(EMAIL, text, PiiType.EMAIL, field, found, m -> true);
        for (Pattern iban : List.of(IBAN_UPPER, IBAN_LOWER)) {
            matches(
                    iban,
                    text,
                    PiiType.IBAN,
                    field,
                    found,
                    m -> Checksums.iban(m.group().replaceAll("[ -]", "").toUpperCase(Locale.ROOT)));
        }
        matches(CARD, text, PiiType.CARD, field, found, m -> card(m.group().replaceAll("[ -]", "")));
        matches(SSN, text, PiiType.SSN, field, found, m -> Checksums.ssn(m.group(1), m.group(3), m.group(4)));
        matches(IPV4, text, PiiType.IP, field, found, m -> Checksums.ipv4(m.group()));
        matches(IPV6, text, PiiType.IP, field, found, m -> Checksums.ipv6(m.group()));
        for (String region : regions) {
            for (PhoneNumberMatch m :
                    phones.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
                if (digits(m.rawString()) >= MIN_PHONE_DIGITS) {
                    add(found, new PiiSpan(PiiType.PHONE, field, m.start(), m.end()));
                }
            }
        }
        matches(PHONE_SHAPE, text, PiiType.PHONE, field, found, m -> {
            int n = digits(m.group());
            return n >= MIN_PHONE_DIGITS && n <= 15 && namedAsPhone(text, m.start(), m.end());
        });
        found.sort(Comparator.comparingInt(PiiSpan::start));
        return found;
    }

    private static void matches(
            Pattern pattern,
            String text,
            PiiType type,
            String field,
            List<PiiSpan> found,
            java.util.function.Predicate<Matcher> valid) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (valid.test(m)) {
                add(found, new PiiSpan(type, field, m.start(), m.end()));
            }
        }
    }

    /** The fewest digits a phone number has (shorter runs are house numbers, post codes, amounts). */
    private static final int MIN_PHONE_DIGITS = 7;

    private static boolean card(String digits) {
        return (digits.length() > 12 || MAESTRO_12.matcher(digits).matches()) && Checksums.luhn(digits);
    }

    /** Whether the words just before or after the span say it is a phone number ("Phone:", "call me at", "-Fax"). */
    private static boolean namedAsPhone(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - 40), start);
        String after = text.substring(end, Math.min(text.length(), end + 12));
        return PHONE_CUE.matcher(before).find() || PHONE_TAIL.matcher(after).find();
    }

    private static int digits(String s) {
        return (int) s.chars().filter(Character::isDigit).count();
    }

    /** Adds the span unless it overlaps one found before (an earlier type wins). */
    private static void add(List<PiiSpan> found, PiiSpan span) {
        for (PiiSpan s : found) {
            if (span.start() < s.end() && s.start() < span.end()) {
                return;
            }
        }
        found.add(span);
    }
}
