package app.proxyme.engine.fga;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.OpaqueType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.CelByteString;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The type of a condition parameter as OpenFGA declares it ({@code int}, {@code uint}, {@code double}, {@code bool},
 * {@code string}, {@code bytes}, {@code duration}, {@code timestamp}, {@code ipaddress}, {@code any},
 * {@code list<T>}, {@code map<T>}): its CEL type, and the conversion of a context value (as parsed from JSON) into
 * the value CEL evaluates. A value that does not convert is an {@link IllegalArgumentException}.
 *
 * @param name OpenFGA's name without the {@code TYPE_NAME_} prefix, lower case ({@code int}, {@code list}, ...)
 * @param element the element type of a list or map, else {@code null}
 */
public record ConditionType(String name, ConditionType element) {
    /** The CEL type of {@code ipaddress} values ({@link IpAddress}). */
    public static final OpaqueType IPADDRESS = OpaqueType.create("ipaddress");

    private static final BigInteger MAX_UINT = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public ConditionType {
        if (!List.of("int", "uint", "double", "bool", "string", "bytes", "duration", "timestamp", "ipaddress", "any")
                        .contains(name)
                && !((name.equals("list") || name.equals("map")) && element != null)) {
            throw new IllegalArgumentException("unsupported condition parameter type '" + name + "'");
        }
    }

    /** Reads a parameter type in OpenFGA's JSON form ({@code {"type_name":"TYPE_NAME_LIST","generic_types":[...]}}). */
    public static ConditionType fromJson(JsonNode node) {
        String typeName = node.path("type_name").asText();
        String name = typeName.replaceFirst("^TYPE_NAME_", "").toLowerCase(Locale.ROOT);
        JsonNode generic = node.path("generic_types");
        ConditionType element = generic.isArray() && !generic.isEmpty() ? fromJson(generic.get(0)) : null;
        return new ConditionType(name, element);
    }

    /** The type in CEL's terms. */
    public CelType celType() {
        return switch (name) {
            case "int" -> SimpleType.INT;
            case "uint" -> SimpleType.UINT;
            case "double" -> SimpleType.DOUBLE;
            case "bool" -> SimpleType.BOOL;
            case "string" -> SimpleType.STRING;
            case "bytes" -> SimpleType.BYTES;
            case "duration" -> SimpleType.DURATION;
            case "timestamp" -> SimpleType.TIMESTAMP;
            case "ipaddress" -> IPADDRESS;
            case "list" -> ListType.create(element.celType());
            case "map" -> MapType.create(SimpleType.STRING, element.celType());
            default -> SimpleType.DYN;
        };
    }

    /** The value CEL evaluates for a context value; {@link IllegalArgumentException} when it is not of this type. */
    public Object convert(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("null is not a " + this);
        }
        return switch (name) {
            case "int" ->
                value instanceof Integer || value instanceof Long || value instanceof Short
                        ? ((Number) value).longValue()
                        : integer(value).longValueExact();
            case "uint" -> UnsignedLong.valueOf(integer(value));
            case "double" -> value instanceof Double d && Double.isFinite(d) ? d : real(value);
            case "bool" -> bool(value);
            case "string" -> string(value);
            case "bytes" -> CelByteString.of(string(value).getBytes(StandardCharsets.UTF_8));
            case "duration" -> GoDuration.parse(string(value));
            case "timestamp" -> timestamp(string(value));
            case "ipaddress" -> IpAddress.parse(string(value));
            case "list" -> list(value);
            case "map" -> map(value);
            default -> value;
        };
    }

    private BigInteger integer(Object value) {
        BigInteger n;
        try {
            BigDecimal d = value instanceof Number num ? new BigDecimal(num.toString()) : new BigDecimal(string(value));
            n = d.toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an " + name, e);
        }
        boolean unsigned = name.equals("uint");
        if (unsigned ? n.signum() < 0 || n.compareTo(MAX_UINT) > 0 : n.bitLength() > 63) {
            throw new IllegalArgumentException("'" + value + "' is out of range for " + name);
        }
        return n;
    }

    private static double real(Object value) {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(string(value).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a double", e);
            }
        }
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw new IllegalArgumentException("'" + value + "' is out of range for double");
        }
        return d;
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + value + "' is not a bool");
    }

    private static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + value + "' is not a string");
    }

    private static Instant timestamp(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not an RFC 3339 timestamp", e);
        }
    }

    private List<Object> list(Object value) {
        if (!(value instanceof List<?> items)) {
            throw new IllegalArgumentException("'" + value + "' is not a list");
        }
        var out = new ArrayList<Object>(items.size());
        items.forEach(i -> out.add(element.convert(i)));
        return out;
    }

    private Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("'" + value + "' is not a map");
        }
        var out = new LinkedHashMap<String, Object>();
        entries.forEach((k, v) -> out.put(String.valueOf(k), element.convert(v)));
        return out;
    }

    @Override
    public String toString() {
        return element == null ? name : name + "<" + element + ">";
    }

    /** Durations as OpenFGA reads them (Go's syntax: {@code 1h30m}, {@code 1.5s}, {@code 300ms}). */
    static final class GoDuration {
        private static final java.util.regex.Pattern PART =
                java.util.regex.Pattern.compile("([0-9]*\\.?[0-9]+)(ns|us|µs|ms|s|m|h)");

        private GoDuration() {}

        static Duration parse(String text) {
            String body = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
            if (body.equals("0")) {
                return Duration.ZERO;
            }
            var m = PART.matcher(body);
            BigDecimal nanos = BigDecimal.ZERO;
            int end = 0;
            while (m.find()) {
                if (m.start() != end) {
                    break;
                }
                end = m.end();
                long unit = switch (m.group(2)) {
                    case "ns" -> 1L;
                    case "us", "µs" -> 1_000L;
                    case "ms" -> 1_000_000L;
                    case "s" -> 1_000_000_000L;
                    case "m" -> 60_000_000_000L;
                    default -> 3_600_000_000_000L;
                };
                nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
            }
            if (end == 0 || end != body.length()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration");
            }
            Duration d = Duration.ofNanos(nanos.longValue());
            return text.startsWith("-") ? d.negated() : d;
        }
    }
}
