package org.jnss.pk11;

import org.jnss.asn1.BStr;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyObjects;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.NssRuntime;

import java.util.ArrayList;
import java.util.List;

/** Module functions of nss.nss about PKCS #11 slots and tokens (lookups, login state, FIPS, disabled reasons). */
public final class Pk11Slots {
    private Pk11Slots() {}

    /** CKM_INVALID_MECHANISM: any mechanism. */
    private static final long CKM_INVALID_MECHANISM = 0xffffffffL;

    private static final String[][] DISABLED_REASONS = {
            {"PK11_DIS_NONE", "no reason"},
            {"PK11_DIS_USER_SELECTED", "user disabled"},
            {"PK11_DIS_COULD_NOT_INIT_TOKEN", "could not initialize token"},
            {"PK11_DIS_TOKEN_VERIFY_FAILED", "could not verify token"},
            {"PK11_DIS_TOKEN_NOT_PRESENT", "token not present"},
    };

    /** C's "k" conversion of an argument (masked to 64 bits), with python-nss's TypeError otherwise. */
    private static long unsignedLong(Object v, String function, int position) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger b) return b.longValue();
        throw new ArgumentError(function + "() argument " + position + " must be integer<k>, not "
                + (v == null ? "None" : PyTypeNames.of(v)));
    }

    /**
     * The name or the description of a PK11_DIS_* value; other values read
     * "unknown(N)" with N in hex, as Python 2 formats python-nss's "%#x".
     */
    private static String disabledReason(long reason, int which) {
        int r = (int) reason;
        if (r >= 0 && r < DISABLED_REASONS.length) return DISABLED_REASONS[r][which];
        return "unknown(" + Integer.toHexString(r) + ")";
    }

    static String disabledReasonStr(int reason) {
        return disabledReason(reason, 1);
    }

    @Python(value = "pk11_disabled_reason_name(reason, /)", doc = "The name of a PK11_DIS_* constant.")
    public static String pk11DisabledReasonName(@Python.OrNone Object reason) {
        return disabledReason(unsignedLong(reason, "pk11_disabled_reason_name", 1), 0);
    }

    @Python(value = "pk11_disabled_reason_str(reason, /)", doc = "The description of a PK11_DIS_* constant.")
    public static String pk11DisabledReasonStr(@Python.OrNone Object reason) {
        return disabledReason(unsignedLong(reason, "pk11_disabled_reason_str", 1), 1);
    }

    @Python(value = "find_slot_by_name(name, /)", doc = "The slot whose token has the given name (NSPRError if none).")
    public static PK11Slot findSlotByName(@Python.Raw Object name) {
        byte[] utf8 = name == null ? null : PyObjects.ops().utf8(name);
        if (utf8 == null)
            throw new ArgumentError("find_slot_by_name() argument 1 must be string or unicode or text buffer, not "
                    + (name == null ? "None" : PyTypeNames.of(PyValues.toJava(name))));
        for (byte b : utf8) if (b == 0) throw new ArgumentError("argument must be encoded string without null bytes");
        byte[] c = java.util.Arrays.copyOf(utf8, utf8.length + 1);
        long slot = Nss3.PK11_FindSlotByName(c);
        if (slot == 0) throw NSPRError.last("could not find slot name \"" + BStr.of(utf8) + "\"");
        return PK11Slot.adopt(slot);
    }

    /**
     * Every present token, as a tuple of slots; pin_args (a tuple or None)
     * goes to the password callback. The mechanism and need_rw arguments are
     * checked but, as in python-nss 1.0.1 (measured against NSS called
     * directly), not handed to NSS: the result is that of
     * PK11_GetAllTokens(CKM_INVALID_MECHANISM, PR_FALSE, load_certs, pin_args).
     * (python-nss also loses slot references here, so that after a few calls
     * tokens vanish from its result; each slot returned here holds its own reference.)
     */
    @Python(value = "get_all_tokens(mechanism=0xffffffff, need_rw=False, load_certs=False, pin_args=None)",
            doc = "The slots of the tokens that can do mechanism (all of them for CKM_INVALID_MECHANISM).")
    public static Object[] getAllTokens(@Python.OrNone Object mechanism, int needRw, int loadCerts, @Python.Raw Object pinArgs) {
        unsignedLong(mechanism, "get_all_tokens", 1);
        Object[] userData;
        if (pinArgs == null) userData = new Object[0];
        else if (PyObjects.ops().isTuple(pinArgs)) userData = PyObjects.ops().items(pinArgs).toArray();
        else throw new ArgumentError("must be tuple or None, not " + PyTypeNames.of(pinArgs));
        long pin = Passwords.pinArgs(userData);
        long list;
        try {
            list = Nss3.PK11_GetAllTokens(CKM_INVALID_MECHANISM, 0, loadCerts != 0 ? 1 : 0, pin);
            if (list == 0) throw NSPRError.last();
        } finally {
            Passwords.releasePinArgs(pin);
        }
        List<PK11Slot> slots = new ArrayList<>();
        try {
            for (long e = Mem.getPointer(list, Layout.SLOTLIST_HEAD); e != 0; e = Mem.getPointer(e, Layout.SLOTLIST_ELEM_NEXT)) {
                long s = Mem.getPointer(e, Layout.SLOTLIST_ELEM_SLOT);
                if (s != 0) slots.add(PK11Slot.reference(s));
            }
        } finally {
            Nss3.PK11_FreeSlotList(list);
        }
        return slots.toArray();
    }

    @Python(value = "get_best_slot(mechanism, /, *user_data)", doc = "The best slot for mechanism (NSPRError if none).")
    public static PK11Slot getBestSlot(@Python.OrNone Object mechanism, Object... userData) {
        long mech = unsignedLong(mechanism, "get_best_slot", 1);
        long pin = Passwords.pinArgs(userData);
        try {
            long slot = Nss3.PK11_GetBestSlot(mech, pin);
            if (slot == 0) throw NSPRError.last();
            return PK11Slot.adopt(slot);
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * python-nss 1.0.1 declares token_exists without arguments and then parses
     * them, which crashes the interpreter; here that call is CPython's
     * SystemError for such a misdeclared function (arguments are refused as there).
     */
    @Python(value = "token_exists()", doc = "python-nss 1.0.1 cannot receive the mechanism this function needs.")
    public static boolean tokenExists() {
        throw new IllegalStateException("new style getargs format but argument is not a tuple");
    }

    @Python(value = "need_pw_init()", doc = "True if the internal key slot's token should be initialized (no password yet).")
    public static boolean needPwInit() {
        return Nss3.PK11_NeedPWInit() != 0;
    }

    @Python(value = "is_fips()", doc = "True if the internal module runs in FIPS mode.")
    public static boolean isFips() {
        return Nss3.PK11_IsFIPS() != 0;
    }

    @Python(value = "pk11_logout_all()", doc = "Logs out of every slot of every module.")
    public static void pk11LogoutAll() {
        Nss3.PK11_LogoutAll();
    }

    /**
     * NSS prints to the process's C stdout, flushed right after so that the
     * text comes where the call is; before NSS is initialized (python-nss
     * crashes there) it is an error.
     */
    @Python(value = "dump_certificate_cache_info()",
            doc = "Prints the certificate cache and the temporary store to stdout (a debugging aid for SEC_ERROR_BUSY).")
    public static void dumpCertificateCacheInfo() {
        NssRuntime.requireInitialized();
        System.out.flush();
        Nss3.nss_DumpCertificateCacheInfo();
        org.jnss.natives.LibC.fflush(0);
    }
}
