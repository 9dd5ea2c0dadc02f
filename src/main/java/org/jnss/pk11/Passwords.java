package org.jnss.pk11;

import org.jnss.core.Python;
import org.jnss.core.CallbackErrors;
import org.jnss.natives.Nss3;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PK11 password callback: one native trampoline (strongly referenced for
 * the life of the process) calling the current callback with the slot, the
 * retry flag and the user data of the NSS call that asked for a password.
 * Provides nss.nss's {@code set_password_callback()}; the other classes hand
 * their {@code *user_data} to NSS through {@link #pinArgs}.
 */
public final class Passwords {
    private Passwords() {}

    /** Returns the password for slot (a String), or null to give up; anything else is reported and counts as null. */
    @FunctionalInterface
    public interface PasswordCallback {
        /**
         * Asked by NSS for a token's password.
         *
         * @param slot     the slot whose token needs the password (valid during the call)
         * @param retry    true when NSS asks again because the previous answer was wrong
         * @param userData the user data of the NSS call that asked
         * @return the password (a String), or null to give up
         */
        Object call(PK11Slot slot, boolean retry, Object... userData);
    }

    private static volatile PasswordCallback callback;
    private static final Map<Long, Object[]> PIN_ARGS = new ConcurrentHashMap<>();
    /**
     * The pin argument of calls without user data (most): never registered, so
     * the callback finds none for it, and such a call costs no registration.
     */
    private static final long NO_USER_DATA = 1;
    private static final AtomicLong NEXT = new AtomicLong(NO_USER_DATA + 1);
    private static volatile boolean installed;

    /**
     * Digest of the password this thread's callback last gave NSS. NSS asks
     * again for as long as the callback answers with a wrong password; a
     * callback that answers every retry with the password just rejected would
     * keep NSS asking forever, so that answer ends the attempt instead (NSS
     * then fails with SEC_ERROR_BAD_PASSWORD). Only a digest is kept.
     */
    private static final ThreadLocal<byte[]> LAST_GIVEN = new ThreadLocal<>();

    private static final Nss3.PasswordFunc NATIVE = (slot, retry, arg) -> {
        PasswordCallback cb = callback;
        if (cb == null) return 0;
        try {
            Object[] ud = arg == 0 ? new Object[0] : PIN_ARGS.getOrDefault(arg, new Object[0]);
            Object pw;
            try (PK11Slot s = PK11Slot.reference(slot)) {
                pw = cb.call(s, retry != 0, ud);
            }
            if (pw instanceof String p) {
                byte[] digest = digest(p);
                byte[] last = LAST_GIVEN.get();
                if (retry != 0 && last != null && java.security.MessageDigest.isEqual(last, digest)) {
                    LAST_GIVEN.remove();
                    return 0;       // the password NSS has just rejected: give up rather than loop
                }
                LAST_GIVEN.set(digest);
                return Nss3.PORT_Strdup(org.jnss.natives.Mem.utf8z(p));
            }
            LAST_GIVEN.remove();
            if (pw != null) CallbackErrors.print("Error, PK11 password callback expected string result or None.");
            return 0;
        } catch (Throwable t) {
            LAST_GIVEN.remove();
            CallbackErrors.report("PK11 password callback", t);
            return 0;
        }
    };

    private static byte[] digest(String password) throws java.security.NoSuchAlgorithmException {
        return java.security.MessageDigest.getInstance("SHA-256")
                .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Sets the function NSS calls whenever it needs a token's password (to
     * log in to a key database, use a private key, import PKCS #12 data, ...),
     * as {@code callback(slot, retry, *user_data)}: {@code slot} is the
     * {@link PK11Slot} whose token asks, {@code retry} is True when the previous
     * answer was wrong, and {@code user_data} are the extra arguments of the call
     * that needed the password (e.g. {@code slot.authenticate(False, arg)}), or of
     * an SSL socket's {@code set_pkcs11_pin_arg()}.
     *
     * <p>The callback returns the password (a str) or None to give up. Tokens
     * may lock after a number of wrong passwords: on a retry return None rather
     * than the password just rejected (that answer also ends the attempt here,
     * instead of looping). Any other result is reported on stderr and counts as
     * None; an exception in the callback is printed and counts as None. The one
     * callback serves every thread.
     *
     * @param cb the callback; null (from Java) removes it, so NSS gets no password
     */
    @Python("set_password_callback(callback, /)")
    public static synchronized void setCallback(PasswordCallback cb) {
        callback = cb;
        if (!installed) {
            Nss3.PK11_SetPasswordFunc(NATIVE);
            installed = true;
        }
    }

    /**
     * Registers user data for the duration of one NSS call; the callback
     * receives it when that call asks for a password. Release it with
     * {@link #releasePinArgs(long)} in a finally block.
     *
     * @param userData the call's {@code *user_data}, or null for none
     * @return the value to pass as the call's wincx/pin argument
     */
    public static long pinArgs(Object[] userData) {
        if (userData == null || userData.length == 0) return NO_USER_DATA;
        long id = NEXT.getAndIncrement();
        PIN_ARGS.put(id, userData);
        return id;
    }


    /**
     * Forgets user data registered by {@link #pinArgs(Object[])}, once the NSS call returned.
     *
     * @param id the value {@code pinArgs} returned
     */
    public static void releasePinArgs(long id) {
        if (id != NO_USER_DATA) PIN_ARGS.remove(id);
    }
}
