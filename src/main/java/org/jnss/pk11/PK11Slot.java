package org.jnss.pk11;

import org.jnss.asn1.Formatted;
import org.jnss.core.NativeResource.Lease;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.NativeResource;
import org.jnss.core.PyObjects;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.CertVerify;
import org.jnss.pki.PublicKey;


/** A PKCS#11 slot (PK11SlotInfo), holding one NSS reference. */
public class PK11Slot extends NativeResource implements Formatted {
    /** Takes a new reference to slot (the caller keeps its own). */
    static PK11Slot reference(long slot) {
        return new PK11Slot(Nss3.PK11_ReferenceSlot(slot));
    }

    /** Adopts a slot reference the caller owns (released with this object). */
    public static PK11Slot adopt(long slot) {
        return new PK11Slot(slot);
    }

    private PK11Slot(long slot) {
        super(slot, Nss3::PK11_FreeSlot, true);
    }

    /**
     * An empty slot, as python-nss's PK11Slot() makes (its argument is
     * ignored): there is no slot to use, so every member raises NSPRError
     * (python-nss hands NSS its NULL slot).
     */
    @Python("PK11Slot(arg=None, /)")
    public PK11Slot(Object arg) {
        super();
    }

    @Python("slot_name")
    public String getSlotName() {
        return with(s -> Nss3.PK11_GetSlotName(s));
    }

    @Python("token_name")
    public String getTokenName() {
        return with(s -> Nss3.PK11_GetTokenName(s));
    }

    // ---- slot and token information, passwords, key pairs ----

    private boolean flag(java.util.function.LongToIntFunction f) {
        return with(s -> f.applyAsInt(s) != 0);
    }

    @Python(value = "is_hw()", doc = "True if the slot is implemented in hardware.")
    public boolean isHw() { return flag(Nss3::PK11_IsHW); }

    @Python(value = "is_present()", doc = "True if the slot's token is present.")
    public boolean isPresent() { return flag(Nss3::PK11_IsPresent); }

    @Python(value = "is_read_only()", doc = "True if the slot is read-only.")
    public boolean isReadOnly() { return flag(Nss3::PK11_IsReadOnly); }

    @Python(value = "is_internal()", doc = "True if the slot is internal to NSS.")
    public boolean isInternal() { return flag(Nss3::PK11_IsInternal); }

    @Python(value = "need_login()", doc = "True if some operations of the token need a login.")
    public boolean needLogin() { return flag(Nss3::PK11_NeedLogin); }

    @Python(value = "need_user_init()", doc = "True if the token's user PIN has not been initialized.")
    public boolean needUserInit() { return flag(Nss3::PK11_NeedUserInit); }

    @Python(value = "is_friendly()", doc = "True if certificates can be read without logging in.")
    public boolean isFriendly() { return flag(Nss3::PK11_IsFriendly); }

    @Python(value = "is_removable()", doc = "True if the token is removable.")
    public boolean isRemovable() { return flag(Nss3::PK11_IsRemovable); }

    /**
     * True if the token is logged in. python-nss 1.0.1 declares this method
     * without arguments and then reads them, which crashes; here it answers
     * (extra arguments are refused as there).
     */
    @Python(value = "is_logged_in()", doc = "True if the token is logged in.")
    public boolean isLoggedIn() { return flag(s -> Nss3.PK11_IsLoggedIn(s, 0)); }

    @Python(value = "has_protected_authentication_path()",
            doc = "True if the token has a protected authentication path (a PIN pad of its own).")
    public boolean hasProtectedAuthenticationPath() { return flag(Nss3::PK11_ProtectedAuthenticationPath); }

    @Python(value = "is_disabled()", doc = "True if the slot is disabled.")
    public boolean isDisabled() { return flag(Nss3::PK11_IsDisabled); }

    @Python(value = "has_root_certs()", doc = "True if the slot holds the root certificates.")
    public boolean hasRootCerts() { return flag(Nss3::PK11_HasRootCerts); }

    @Python(value = "get_disabled_reason()", doc = "Why the slot is disabled, a PK11_DIS_* constant.")
    public int getDisabledReason() {
        return with(s -> Nss3.PK11_GetDisabledReason(s));
    }

    @Python(value = "user_disable()", doc = "Disables the slot (reason PK11_DIS_USER_SELECTED).")
    public void userDisable() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_UserDisableSlot(s) == 0) throw NSPRError.last("unable to disable slot");
        }
    }

    @Python(value = "user_enable()", doc = "Enables the slot again (reason PK11_DIS_NONE).")
    public void userEnable() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_UserEnableSlot(s) == 0) throw NSPRError.last("unable to enable slot");
        }
    }

    /**
     * Logs in to the token if it needs it, through the password callback,
     * which receives userData; loadCerts must be a bool.
     */
    @Python(value = "authenticate(load_certs=False, /, *user_data)",
            doc = "Logs in to the token if needed, asking the password callback (given user_data).")
    public void authenticate(Object loadCerts, Object... userData) {
        if (!(loadCerts instanceof Boolean load))
            throw new ArgumentError("authenticate() argument 1 must be bool, not "
                    + (loadCerts == null ? "None" : PyTypeNames.of(loadCerts)));
        try (Lease l = lease()) {
            long pin = Passwords.pinArgs(userData);
            try {
                if (Nss3.PK11_Authenticate(l.handle(), load ? 1 : 0, pin) != 0) throw NSPRError.last("Unable to authenticate");
            } finally {
                Passwords.releasePinArgs(pin);
            }
        }
    }

    /** A password argument as NSS reads it: NUL-terminated UTF-8 (None is null where allowed). */
    private static byte[] password(Object pw, boolean noneOk) {
        if (pw == null && noneOk) return null;
        byte[] b = pw == null ? null : PyObjects.ops().utf8(pw);
        if (b == null) throw new ArgumentError("must be a string, not " + PyTypeNames.of(PyValues.toJava(pw)));
        byte[] z = java.util.Arrays.copyOf(b, b.length + 1);
        java.util.Arrays.fill(b, (byte) 0);
        return z;
    }

    private static void wipe(byte[]... secrets) {
        for (byte[] b : secrets) if (b != null) java.util.Arrays.fill(b, (byte) 0);
    }

    /** Checks a password with NSS: true if right, false for SEC_ERROR_BAD_PASSWORD, else the NSS error. */
    private boolean checkPassword(byte[] pw, boolean securityOfficer) {
        try {
            try (Lease l = lease()) {
                long s = l.handle();
                int rv = securityOfficer ? Nss3.PK11_CheckSSOPassword(s, pw) : Nss3.PK11_CheckUserPassword(s, pw);
                if (rv == 0) return true;
                NSPRError e = NSPRError.last();
                if (e.getErrorCode() != ErrorConstants.SEC_ERROR_BAD_PASSWORD) throw e;
                return false;
            }
        } finally {
            wipe(pw);
        }
    }

    @Python(value = "check_security_officer_passwd(security_officer_passwd, /)",
            doc = "True if the security officer password is right, False if it is wrong.")
    public boolean checkSecurityOfficerPasswd(@Python.Raw Object securityOfficerPasswd) {
        return checkPassword(password(securityOfficerPasswd, false), true);
    }

    @Python(value = "check_user_passwd(user_passwd, /)", doc = "True if the user password is right, False if it is wrong.")
    public boolean checkUserPasswd(@Python.Raw Object userPasswd) {
        return checkPassword(password(userPasswd, false), false);
    }

    /**
     * Changes the token's user password (strings or None). python-nss 1.0.1
     * requires the first argument and then crashes on any; here both work as
     * documented.
     */
    @Python(value = "change_passwd(old_passwd, new_passwd=None)", doc = "Changes the user password of the token.")
    public void changePasswd(@Python.Raw Object oldPasswd, @Python.Raw Object newPasswd) {
        withPasswords(oldPasswd, newPasswd, (s, oldPw, newPw) -> Nss3.PK11_ChangePW(s, oldPw, newPw));
    }

    /** An NSS call (status) taking the slot and two passwords (strings or None), which are wiped afterwards. */
    private void withPasswords(Object first, Object second, PasswordsCall call) {
        byte[] a = password(first, true);
        byte[] b = null;
        try {
            b = password(second, true);
            byte[] bb = b;
            check(s -> call.apply(s, a, bb));
        } finally {
            wipe(a, b);
        }
    }

    private interface PasswordsCall {
        int apply(long slot, byte[] first, byte[] second);
    }

    /**
     * Sets the user PIN of a token for first use (strings or None). As with
     * change_passwd, python-nss 1.0.1 crashes on any argument.
     */
    @Python(value = "init_pin(security_officer_passwd, user_passwd=None)", doc = "Initializes the token's user PIN.")
    public void initPin(@Python.Raw Object securityOfficerPasswd, @Python.Raw Object userPasswd) {
        withPasswords(securityOfficerPasswd, userPasswd, (s, so, user) -> Nss3.PK11_InitPin(s, so, user));
    }

    @Python(value = "logout()", doc = "Logs out of the token.")
    public void logout() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_Logout(s) != 0) throw NSPRError.last("failed to logout of slot");
        }
    }

    /**
     * Generates a key pair on the slot: the RSA mechanisms take an
     * RSAGenParams, CKM_DSA_KEY_PAIR_GEN a KEYPQGParams, other mechanisms
     * no parameters (NSS decides). Returns (PublicKey, PrivateKey).
     */
    @Python(value = "generate_key_pair(mechanism, key_params, token, sensitive, /, *user_data)",
            doc = "Generates a key pair; returns (public_key, private_key).")
    public Object[] generateKeyPair(@Python.Unsigned long mech, Object keyParams, int token, int sensitive, Object... userData) {
        try (Scratch scratch = new Scratch()) {
            long params = KeyPairs.params(scratch, mech, keyParams);
            long[] pub = new long[1];
            long priv;
            try (Lease l = lease()) {
                long pin = Passwords.pinArgs(userData);
                try {
                    priv = Nss3.PK11_GenerateKeyPair(l.handle(), mech, params, pub, token != 0 ? 1 : 0, sensitive != 0 ? 1 : 0, pin);
                    if (priv == 0) throw NSPRError.last();
                } finally {
                    Passwords.releasePinArgs(pin);
                }
            }
            PrivateKey privateKey = new PrivateKey(priv);
            PublicKey publicKey;
            try {
                publicKey = PublicKey.adopt(pub[0]);
            } catch (RuntimeException e) {
                privateKey.close();
                throw e;
            }
            return new Object[]{publicKey, privateKey};
        }
    }

    /** The format_lines() lines: the slot's names and flags, as python-nss lists them. */
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.pair(level, "Slot Name", orNone(getSlotName()));
        lines.pair(level, "Token Name", orNone(getTokenName()));
        lines.pair(level, "Is Hardware", pyBool(isHw()));
        lines.pair(level, "Is Present", pyBool(isPresent()));
        lines.pair(level, "Is Read Only", pyBool(isReadOnly()));
        lines.pair(level, "Is Internal", pyBool(isInternal()));
        lines.pair(level, "Needs Login", pyBool(needLogin()));
        lines.pair(level, "Needs User Init", pyBool(needUserInit()));
        lines.pair(level, "Is Friendly", pyBool(isFriendly()));
        lines.pair(level, "Is Removable", pyBool(isRemovable()));
        lines.pair(level, "Has Protected Authentication Path", pyBool(hasProtectedAuthenticationPath()));
        lines.pair(level, "Is Disabled", pyBool(isDisabled()) + " (" + Pk11Slots.disabledReasonStr(getDisabledReason()) + ")");
        lines.pair(level, "Has Root Certs", pyBool(hasRootCerts()));
        long wrap = with(Nss3::PK11_GetBestWrapMechanism);
        lines.pair(level, "Best Wrap Mechanism", KeyPairs.mechanismName(wrap) + " (0x" + Long.toHexString(wrap) + ")");
        return lines;
    }

    private static String orNone(String s) {
        return s == null ? "None" : s;
    }

    private static String pyBool(boolean b) {
        return b ? "True" : "False";
    }

    /** The certificates on the slot's token (PK11_ListCertsInSlot), each with its own reference. */
    @Python("list_certs()")
    public Object[] listCerts() {
        return with(CertVerify::listCertsInSlot);
    }

    // ---- symmetric keys (key_gen, pbe_key_gen, best wrap mechanism and key length) ----

    /** A new symmetric key for mechanism of key_size octets (0: the mechanism's default). */
    @Python("key_gen(mechanism, sec_param, key_size, /, *user_data)")
    public PK11SymKey keyGen(long mechanism, Object sec, int keySize, Object... userData) {
        SecItem secParam = SymCipher.secParam(sec);
        long pin = Passwords.pinArgs(userData);
        try {
            return with(s -> MechParam.with(mechanism, secParam, p ->
                    PK11SymKey.adopt(Nss3.PK11_KeyGen(s, mechanism, p, keySize, pin))));
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /** The key a password gives under a PBE algorithm identifier (e.g. from create_pbev2_algorithm_id()). */
    @Python("pbe_key_gen(algid, password, /, *user_data)")
    public PK11SymKey pbeKeyGen(AlgorithmID algid, byte[] password, Object... userData) {
        long pin = Passwords.pinArgs(userData);
        try (Scratch sc = new Scratch()) {
            long pw = sc.item(password);
            PK11SymKey key = with(s -> algid.withNative(a ->
                    PK11SymKey.adopt(Nss3.PK11_PBEKeyGen(s, a, pw, 0, pin))));
            key.setPbePassword(password);
            return key;
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    @Python("get_best_wrap_mechanism()")
    public long getBestWrapMechanism() {
        return with(s -> Nss3.PK11_GetBestWrapMechanism(s));
    }

    @Python("get_best_key_length(mechanism, /)")
    public int getBestKeyLength(long mechanism) {
        return with(s -> Nss3.PK11_GetBestKeyLength(s, mechanism));
    }
}
