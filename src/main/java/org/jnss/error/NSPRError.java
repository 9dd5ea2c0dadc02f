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

    private final int errorCode;
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

    /** The error NSPR recorded for this thread by the call that just failed. */
    public static NSPRError last() {
        return last(null);
    }

    /** As {@link #last()}, with a detail message. */
    public static NSPRError last(String message) {
        NSPRError e = new NSPRError(message, Nspr4.PR_GetError());
        e.errorText = currentErrorText();
        return e;
    }

    /** Text NSPR attached to the thread's current error (e.g. a dlopen message), or null. */
    public static String currentErrorText() {
        int n = Nspr4.PR_GetErrorTextLength();
        if (n <= 0) return null;
        byte[] buf = new byte[n + 1];
        Nspr4.PR_GetErrorText(buf);
        int len = 0;
        while (len < n && buf[len] != 0) len++;
        return len == 0 ? null : new String(buf, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String errorText;

    /** The text NSPR attached to the error when it was raised, or null. */
    public String getErrorText() { return errorText; }

    public int getErrorCode() { return errorCode; }

    /** The detail message, or null. */
    public String getErrorMessage() { return errorMessage; }

    /** "(NAME) description" of the error code. */
    public String getErrorDesc() { return ErrorTable.describe(errorCode, errorText); }

    /** The symbolic name of the error code, or null if unknown. */
    public String getErrorName() {
        ErrorTable.Entry e = ErrorTable.lookup(errorCode);
        return e == null ? null : e.name();
    }

    @Override
    public String getMessage() {
        return errorMessage == null ? getErrorDesc() : errorMessage + ": " + getErrorDesc();
    }
}
