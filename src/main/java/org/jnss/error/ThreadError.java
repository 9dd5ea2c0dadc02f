package org.jnss.error;

import org.jnss.natives.Nspr4;

/**
 * The calling thread's NSPR error state (error code, OS error and error text),
 * saved so that it can be put back.
 *
 * <p>Where NSS fails without setting an error of its own, python-nss reports
 * the thread's previous error, and so does this project ({@link NSPRError#last()}).
 * Native work the program did not ask for at that point (releasing objects it
 * dropped, which CPython would have released earlier) runs between a
 * {@link #save()} and a {@link #restore()}, so that it cannot change which error
 * a later call reports.
 */
public final class ThreadError {
    private final int code;
    private final int osError;
    /** the error text with its terminating NUL, or null when there is none */
    private final byte[] text;

    private ThreadError(int code, int osError, byte[] text) {
        this.code = code;
        this.osError = osError;
        this.text = text;
    }

    /**
     * Saves the calling thread's error state.
     *
     * @return the error code, OS error and error text the thread has now
     */
    public static ThreadError save() {
        int code = Nspr4.PR_GetError();
        int osError = Nspr4.PR_GetOSError();
        int n = Nspr4.PR_GetErrorTextLength();
        byte[] text = null;
        if (n > 0) {
            text = new byte[n + 1];
            Nspr4.PR_GetErrorText(text);
        }
        return new ThreadError(code, osError, text);
    }

    /** Makes this the calling thread's error state again. */
    public void restore() {
        Nspr4.PR_SetError(code, osError);   // also clears the text
        if (text != null) Nspr4.PR_SetErrorText(text.length - 1, text);
    }
}
