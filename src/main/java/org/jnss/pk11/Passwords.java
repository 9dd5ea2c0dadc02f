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
 */
public final class Passwords {
    private Passwords() {}

    /** Returns the password for slot (a String), or null to give up; anything else is reported and counts as null. */
    @FunctionalInterface
    public interface PasswordCallback {
        Object call(PK11Slot slot, boolean retry, Object... userData);
    }

    private static volatile PasswordCallback callback;
    private static final Map<Long, Object[]> PIN_ARGS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong(1);
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
                return Nss3.PORT_Strdup(p);
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

    @Python("set_password_callback(callback, /)")
    public static synchronized void setCallback(PasswordCallback cb) {
        callback = cb;
        if (!installed) {
            Nss3.PK11_SetPasswordFunc(NATIVE);
            installed = true;
        }
    }

    /** Registers user data for the duration of one NSS call; returns the value to pass as its wincx/pin arg. */
    public static long pinArgs(Object[] userData) {
        long id = NEXT.getAndIncrement();
        PIN_ARGS.put(id, userData == null ? new Object[0] : userData);
        return id;
    }

    public static void releasePinArgs(long id) {
        PIN_ARGS.remove(id);
    }
}
