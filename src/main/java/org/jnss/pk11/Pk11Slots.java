package org.jnss.pk11;

import org.jnss.error.ErrorConstants;
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

    /**
     * The name or the description of a PK11_DIS_* value; other values read
     * "unknown(0xN)" with N in hex, as python-nss's snprintf "%#x" writes it.
     */
    private static String disabledReason(long reason, int which) {
        int r = (int) reason;
        if (r >= 0 && r < DISABLED_REASONS.length) return DISABLED_REASONS[r][which];
        return String.format("unknown(%#x)", r);   // C's snprintf "%#x": 0x prefix (0 is a known reason)
    }

    static String disabledReasonStr(int reason) {
        return disabledReason(reason, 1);
    }

    /**
     * Names a slot's disabled reason, as {@code PK11Slot.get_disabled_reason()} returns it.
     *
     * @param reason a PK11_DIS_* value
     * @return the constant's name, e.g. "PK11_DIS_USER_SELECTED"; "unknown(0xN)" (N in hex)
     *         for another value
     */
    @Python("pk11_disabled_reason_name(reason, /)")
    public static String pk11DisabledReasonName(@Python.Unsigned long reason) {
        return disabledReason(reason, 0);
    }

    /**
     * Describes a slot's disabled reason, as {@code PK11Slot.get_disabled_reason()} returns it.
     *
     * @param reason a PK11_DIS_* value
     * @return a short description, e.g. "user disabled" ("no reason" for PK11_DIS_NONE);
     *         "unknown(0xN)" (N in hex) for another value
     */
    @Python("pk11_disabled_reason_str(reason, /)")
    public static String pk11DisabledReasonStr(@Python.Unsigned long reason) {
        return disabledReason(reason, 1);
    }

    /**
     * Finds a slot by its slot name or its token's name ({@code PK11_FindSlotByName}).
     *
     * @param name the name, a str or unicode (compared as UTF-8)
     * @return the slot, with its own reference
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code name} is not text
     *         or holds a NUL character
     * @throws NSPRError "could not find slot name ..." with NSS's error (SEC_ERROR_NO_TOKEN)
     *                   when no slot has that name
     */
    @Python("find_slot_by_name(name, /)")
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
     * Lists the slots of every present token ({@code PK11_GetAllTokens}). The
     * mechanism and need_rw arguments are checked but, as in python-nss 1.0.1
     * (measured against NSS called directly), not handed to NSS: the result is
     * that of {@code PK11_GetAllTokens(CKM_INVALID_MECHANISM, PR_FALSE, load_certs, pin_args)}.
     * (python-nss also loses slot references here, so that after a few calls
     * tokens vanish from its result; each slot returned here holds its own reference.)
     *
     * @param mechanism a CKM_* constant; CKM_INVALID_MECHANISM (0xffffffff, the default)
     *                  for any; not used, see above
     * @param needRw    nonzero for writable tokens only (default False); not used, see above
     * @param loadCerts nonzero (True) to load the tokens' certificates (default False)
     * @param pinArgs   a tuple of arguments for the password callback, or null (None, the default)
     * @return the slots (a tuple in Python)
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code pinArgs} is neither a tuple nor None
     * @throws NSPRError NSS's error when it cannot list the tokens
     */
    @Python("get_all_tokens(mechanism=0xffffffff, need_rw=False, load_certs=False, pin_args=None)")
    public static Object[] getAllTokens(@Python.Unsigned long mechanism, int needRw, int loadCerts, @Python.Raw Object pinArgs) {
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

    /**
     * Finds the best slot for a mechanism ({@code PK11_GetBestSlot}): the
     * internal one when it can do it, else the first that can.
     *
     * @param mech     a CKM_* constant
     * @param userData extra arguments handed to the password callback
     * @return the slot, with its own reference
     * @throws NSPRError SEC_ERROR_NO_TOKEN when no slot can do the mechanism
     */
    @Python("get_best_slot(mechanism, /, *user_data)")
    public static PK11Slot getBestSlot(@Python.Unsigned long mech, Object... userData) {
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
     * Would tell whether a token can do a mechanism, but python-nss 1.0.1
     * declares token_exists without arguments and then parses them, which
     * crashes the interpreter: it cannot receive the mechanism it needs. Here
     * that call is CPython's SystemError for such a misdeclared function
     * (arguments are refused as there).
     *
     * @return never returns
     * @throws IllegalStateException (Python's SystemError) always
     */
    @Python("token_exists()")
    public static boolean tokenExists() {
        throw new IllegalStateException("new style getargs format but argument is not a tuple");
    }

    /**
     * Tells whether the internal key token should be initialized
     * ({@code PK11_NeedPWInit}): it has no password yet, or an empty one.
     * {@code PK11Slot.init_pin()} or {@code change_passwd()} sets one.
     *
     * @return true if the token needs a password
     */
    @Python("need_pw_init()")
    public static boolean needPwInit() {
        return Nss3.PK11_NeedPWInit() != 0;
    }

    /**
     * Tells whether NSS's internal module runs in FIPS mode ({@code PK11_IsFIPS}).
     *
     * @return true in FIPS mode
     */
    @Python("is_fips()")
    public static boolean isFips() {
        return Nss3.PK11_IsFIPS() != 0;
    }

    /** Logs out of every token of every module ({@code PK11_LogoutAll}). */
    @Python("pk11_logout_all()")
    public static void pk11LogoutAll() {
        Nss3.PK11_LogoutAll();
    }

    /**
     * Prints NSS's certificate cache and temporary certificate store to
     * standard output: a debugging aid to find the certificates still
     * referenced when {@code nss_shutdown()} fails with SEC_ERROR_BUSY. NSS
     * prints to the process's C stdout (not Python's {@code sys.stdout}),
     * flushed right after so that the text comes where the call is.
     *
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized (python-nss crashes there)
     */
    @Python("dump_certificate_cache_info()")
    public static void dumpCertificateCacheInfo() {
        NssRuntime.requireInitialized();
        System.out.flush();
        Nss3.nss_DumpCertificateCacheInfo();
        org.jnss.natives.LibC.fflush(0);
    }

    /**
     * The internal cryptographic slot ({@code PK11_GetInternalSlot}): NSS's
     * built-in token for operations that need no stored keys.
     *
     * @return the slot, with its own reference
     * @throws NSPRError SEC_ERROR_NO_MODULE before NSS is initialized
     */
    @Python("get_internal_slot()")
    public static PK11Slot getInternalSlot() {
        requireModule();
        return slot(Nss3.PK11_GetInternalSlot());
    }

    /**
     * The internal key slot ({@code PK11_GetInternalKeySlot}): the token of
     * NSS's own certificate and key database.
     *
     * @return the slot, with its own reference
     * @throws NSPRError SEC_ERROR_NO_MODULE before NSS is initialized
     */
    @Python("get_internal_key_slot()")
    public static PK11Slot getInternalKeySlot() {
        requireModule();
        return slot(Nss3.PK11_GetInternalKeySlot());
    }

    /** Before NSS_Init there is no module to have a slot (python-nss: SEC_ERROR_NO_MODULE). */
    private static void requireModule() {
        if (!NssRuntime.isInitialized()) throw new NSPRError(null, ErrorConstants.SEC_ERROR_NO_MODULE);
    }

    private static PK11Slot slot(long slot) {
        if (slot == 0) throw NSPRError.last();
        return PK11Slot.adopt(slot);
    }
}
