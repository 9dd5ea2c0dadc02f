package org.jnss.error;

import org.jnss.natives.Nspr4;

/**
 * The one exception type of the Java core: an NSPR/NSS/SSL failure, carrying
 * the error code and an optional detail message. The Python surface turns it
 * into {@code nss.error.NSPRError} with the same code and message.
 *
 * <p>In a Java program it has a stack trace, so a failing call can be located.
 * The Python launcher turns the capture off (system property
 * {@value #STACK_TRACE_PROPERTY}{@code =false}, read once): a Python traceback
 * is made of Python frames, and scripts that raise and catch many errors do not
 * pay for Java stacks nobody sees.
 */
public class NSPRError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** System property: {@code false} turns off the capture of Java stack traces. */
    public static final String STACK_TRACE_PROPERTY = "jnss.error.stacktrace";

    private static final boolean STACK_TRACES = !"false".equals(System.getProperty(STACK_TRACE_PROPERTY));

    /**
     * Whether the core's exceptions capture Java stack traces: this one, and
     * the core's Python-facing ones ({@code ArgumentError}, {@code KeyError},
     * ...), which ask here.
     *
     * @return false when {@value #STACK_TRACE_PROPERTY}{@code =false} (the launcher's setting)
     */
    public static boolean stackTraces() {
        return STACK_TRACES;
    }

    /** @serial the NSPR/NSS/SSL error code */
    private final int errorCode;
    /** @serial the detail message, or null */
    private final String errorMessage;

    /**
     * An error with a detail message.
     *
     * @param errorMessage the detail message, or null
     * @param errorCode    the NSPR/NSS/SSL error code (see {@link ErrorConstants})
     */
    public NSPRError(String errorMessage, int errorCode) {
        super(null, null, false, STACK_TRACES);
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    /**
     * An error without a detail message.
     *
     * @param errorCode the NSPR/NSS/SSL error code (see {@link ErrorConstants})
     */
    public NSPRError(int errorCode) {
        this(null, errorCode);
    }

    /**
     * The error NSPR recorded for this thread by the call that just failed
     * ({@code PR_GetError()}), with the text NSPR attached to it, if any.
     * Call it right after the failing native call, on the same thread.
     *
     * @return a new error (not thrown) without a detail message
     */
    public static NSPRError last() {
        return last(null);
    }

    /**
     * As {@link #last()}, with a detail message.
     *
     * @param message the detail message, or null
     * @return a new error (not thrown)
     */
    public static NSPRError last(String message) {
        NSPRError e = new NSPRError(message, Nspr4.PR_GetError());
        e.errorText = currentErrorText();
        return e;
    }

    /**
     * The text NSPR attached to the thread's current error ({@code PR_GetErrorText()}),
     * e.g. the message of a failed dlopen.
     *
     * @return the text, or null when there is none
     */
    public static String currentErrorText() {
        int n = Nspr4.PR_GetErrorTextLength();
        if (n <= 0) return null;
        byte[] buf = new byte[n + 1];
        Nspr4.PR_GetErrorText(buf);
        int len = 0;
        while (len < n && buf[len] != 0) len++;
        return len == 0 ? null : new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** @serial the text NSPR attached to the error, or null */
    private String errorText;

    /**
     * The text NSPR attached to the error when it was raised (only errors made by
     * {@link #last()} have one).
     *
     * @return the text, or null
     */
    public String getErrorText() { return errorText; }

    /**
     * The error code (Python's {@code errno} and {@code error_code}).
     *
     * @return the NSPR/NSS/SSL error code, one of {@link ErrorConstants}; 0 for none
     */
    public int getErrorCode() { return errorCode; }

    /**
     * The detail message the raiser gave (Python's {@code error_message}).
     *
     * @return the message, or null
     */
    public String getErrorMessage() { return errorMessage; }

    /**
     * The description of the error code as python-nss shows it (Python's
     * {@code error_desc} and {@code strerror}).
     *
     * @return "(NAME) description", preceded by NSPR's text when there is one;
     *         "error (N) unknown" for a code outside the catalogue
     */
    public String getErrorDesc() { return ErrorTable.describe(errorCode, errorText); }

    /**
     * The symbolic name of the error code, e.g. {@code "SEC_ERROR_BAD_DER"}.
     *
     * @return the name, or null if the code is not in the catalogue
     */
    public String getErrorName() {
        ErrorTable.Entry e = ErrorTable.lookup(errorCode);
        return e == null ? null : e.name();
    }

    /**
     * The message, as python-nss's {@code str()} of the error shows it.
     *
     * @return "detail message: (NAME) description", or the description alone
     *         when there is no detail message
     */
    @Override
    public String getMessage() {
        return errorMessage == null ? getErrorDesc() : errorMessage + ": " + getErrorDesc();
    }
}
