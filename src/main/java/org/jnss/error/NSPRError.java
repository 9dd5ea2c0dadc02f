package org.jnss.error;

import org.jnss.natives.Nspr4;

/**
 * The one exception type of the Java core: an NSPR/NSS/SSL failure, carrying
 * the error code and an optional detail message. The Python surface turns it
 * into {@code nss.error.NSPRError} with the same code and message.
 */
public class NSPRError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String errorMessage;

    public NSPRError(String errorMessage, int errorCode) {
        super(null, null, false, false);
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
    }

    public NSPRError(int errorCode) {
        this(null, errorCode);
    }

    /** The error NSPR recorded for this thread by the call that just failed. */
    public static NSPRError last() {
        return new NSPRError(null, Nspr4.PR_GetError());
    }

    /** As {@link #last()}, with a detail message. */
    public static NSPRError last(String message) {
        return new NSPRError(message, Nspr4.PR_GetError());
    }

    public int getErrorCode() { return errorCode; }

    /** The detail message, or null. */
    public String getErrorMessage() { return errorMessage; }

    /** "(NAME) description" of the error code. */
    public String getErrorDesc() { return ErrorTable.describe(errorCode); }

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
