package app.proxyme.domain.port.out;

import app.proxyme.domain.aci.PiiSpan;
import java.util.List;

/**
 * Finds personal data in a text, validated (Luhn for cards, mod 97 for IBANs, SSN ranges, ...), with offsets.
 * The text is data: nothing in it changes how it is scanned.
 */
public interface PiiScanner {
    /** The spans in {@code text}, in order, not overlapping; each names {@code field}. */
    List<PiiSpan> scan(String field, String text);
}
