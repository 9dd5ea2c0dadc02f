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

    private static final Nss3.PasswordFunc NATIVE = (slot, retry, arg) -> {
        PasswordCallback cb = callback;
        if (cb == null) return 0;
        try {
            Object[] ud = arg == 0 ? new Object[0] : PIN_ARGS.getOrDefault(arg, new Object[0]);
            Object pw;
            try (PK11Slot s = PK11Slot.reference(slot)) {
                pw = cb.call(s, retry != 0, ud);
            }
            if (pw instanceof String p) return Nss3.PORT_Strdup(p);
            if (pw != null) CallbackErrors.print("Error, PK11 password callback expected string result or None.");
            return 0;
        } catch (Throwable t) {
            CallbackErrors.report("PK11 password callback", t);
            return 0;
        }
    };

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
