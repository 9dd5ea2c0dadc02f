package org.jnss.core;

/**
 * Bytes that are not text in the codec they claim (Python's UnicodeDecodeError,
 * a ValueError).
 */
public class UnicodeDecodeError extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial the codec's name */
    private final String encoding;
    /** @serial the octets that were being decoded */
    private final byte[] object;
    /** @serial index of the first bad octet */
    private final int start;
    /** @serial index after the last bad octet */
    private final int end;
    /** @serial why the octets are not valid */
    private final String reason;

    /**
     * A decoding failure; the message is CPython's ("'utf8' codec can't decode
     * bytes in position S-E: REASON").
     *
     * @param encoding the codec's name, e.g. {@code "utf8"}
     * @param object   the octets being decoded (copied)
     * @param start    index of the first bad octet
     * @param end      index after the last bad octet
     * @param reason   why they are not valid, e.g. {@code "invalid continuation byte"}
     */
    public UnicodeDecodeError(String encoding, byte[] object, int start, int end, String reason) {
        super("'" + encoding + "' codec can't decode bytes in position " + start + "-" + (end - 1) + ": " + reason);
        this.encoding = encoding;
        this.object = object.clone();
        this.start = start;
        this.end = end;
        this.reason = reason;
    }

    /**
     * The codec that failed (Python's {@code encoding} attribute).
     *
     * @return the codec's name
     */
    public String getEncoding() { return encoding; }

    /**
     * The octets that were being decoded (Python's {@code object} attribute).
     *
     * @return a copy of them
     */
    public byte[] getObject() { return object.clone(); }

    /**
     * Where the bad octets start (Python's {@code start} attribute).
     *
     * @return the index of the first bad octet
     */
    public int getStart() { return start; }

    /**
     * Where the bad octets end (Python's {@code end} attribute).
     *
     * @return the index after the last bad octet
     */
    public int getEnd() { return end; }

    /**
     * Why decoding failed (Python's {@code reason} attribute).
     *
     * @return the reason, e.g. {@code "invalid continuation byte"}
     */
    public String getReason() { return reason; }

    /** No Java stack when the launcher turned them off ({@link org.jnss.error.NSPRError#stackTraces()}). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return org.jnss.error.NSPRError.stackTraces() ? super.fillInStackTrace() : this;
    }
}
