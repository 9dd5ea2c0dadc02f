package org.jnss.core;

/**
 * Bytes that are not text in the codec they claim (Python's UnicodeDecodeError,
 * a ValueError).
 */
public class UnicodeDecodeError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String encoding;
    private final byte[] object;
    private final int start;
    private final int end;
    private final String reason;

    public UnicodeDecodeError(String encoding, byte[] object, int start, int end, String reason) {
        super("'" + encoding + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + reason);
        this.encoding = encoding;
        this.object = object.clone();
        this.start = start;
        this.end = end;
        this.reason = reason;
    }

    public String getEncoding() { return encoding; }
    public byte[] getObject() { return object.clone(); }
    public int getStart() { return start; }
    public int getEnd() { return end; }
    public String getReason() { return reason; }
}
