package app.proxyme.web.transport;

/**
 * Follows the frames of one direction of a WebSocket byte stream (RFC 6455 section 5.2), header by header, without
 * copying or unmasking payloads, and reports where frames start and end.
 */
final class FrameScanner {
    static final int CLOSE = 0x8;

    /** What a scan reports; each callback returns whether to go on scanning. */
    interface Frames {
        /**
         * A frame's header was read.
         *
         * @param start where the header began in this chunk (negative: in an earlier chunk)
         */
        boolean header(int opcode, long length, int start);

        /**
         * A frame ended.
         *
         * @param end the index in this chunk just after the frame
         */
        boolean end(int opcode, int end);
    }

    private final byte[] head = new byte[14];
    private int have;
    private int need = 2;
    private long left = -1; // payload bytes left of the current frame; -1 while reading a header
    private int opcode;

    /** Scans {@code chunk[0, length)}; returns where a callback stopped the scan, or {@code length}. */
    int scan(byte[] chunk, int length, Frames frames) {
        int i = 0;
        while (i < length) {
            if (left < 0) {
                head[have++] = chunk[i++];
                if (have == 2) {
                    int len7 = head[1] & 0x7f;
                    need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((head[1] & 0x80) != 0 ? 4 : 0);
                }
                if (have >= 2 && have == need) {
                    opcode = head[0] & 0x0f;
                    long payload = payloadLength();
                    int start = i - need;
                    have = 0;
                    need = 2;
                    left = payload;
                    if (!frames.header(opcode, payload, start)) {
                        return i;
                    }
                    if (left == 0) {
                        left = -1;
                        if (!frames.end(opcode, i)) {
                            return i;
                        }
                    }
                }
            } else {
                long skip = Math.min(left, length - i);
                i += (int) skip;
                left -= skip;
                if (left == 0) {
                    left = -1;
                    if (!frames.end(opcode, i)) {
                        return i;
                    }
                }
            }
        }
        return length;
    }

    private long payloadLength() {
        int len7 = head[1] & 0x7f;
        if (len7 < 126) {
            return len7;
        }
        if (len7 == 126) {
            return ((head[2] & 0xffL) << 8) | (head[3] & 0xffL);
        }
        long value = 0;
        for (int k = 2; k < 10; k++) {
            value = (value << 8) | (head[k] & 0xffL);
        }
        return value < 0 ? Long.MAX_VALUE : value; // RFC 6455: the most significant bit must be 0
    }
}
