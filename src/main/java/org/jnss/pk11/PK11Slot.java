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
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.SecItem;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.CertVerify;
import org.jnss.pki.PublicKey;


/**
 * A PKCS #11 slot and the token in it (NSS's PK11SlotInfo), Python's
 * {@code nss.nss.PK11Slot}: where keys live and cryptographic operations run.
 * Obtained from {@link Pk11Slots#getInternalSlot()}, {@link Pk11Slots#getInternalKeySlot()},
 * {@link Pk11Slots#getBestSlot}, {@link Pk11Slots#findSlotByName}, {@link Pk11Slots#getAllTokens},
 * a key's {@code slot}, or as the first argument of the password callback.
 *
 * <p>Holds one NSS reference to the slot: {@link #close()} (or
 * try-with-resources) releases it at once; a dropped slot is released once
 * the collector finds it unreachable. A live slot keeps NSS from shutting
 * down. {@code str()} and {@link #format(int, int)} give the slot's names and
 * flags as python-nss lists them.
 */
public class PK11Slot extends NativeResource implements Formatted {
    /** Takes a new reference to slot (the caller keeps its own). */
    static PK11Slot reference(long slot) {
        return new PK11Slot(Nss3.PK11_ReferenceSlot(slot));
    }

    /**
     * Adopts a slot reference the caller owns; it is released with this object.
     *
     * @param slot a PK11SlotInfo* returned by an NSS call that hands over a reference (not 0)
     * @return the slot object
     * @throws IllegalArgumentException when {@code slot} is 0
     */
    public static PK11Slot adopt(long slot) {
        return new PK11Slot(slot);
    }

    private PK11Slot(long slot) {
        super(slot, Nss3::PK11_FreeSlot, true);
    }

    /**
     * An empty slot, as python-nss's {@code PK11Slot()} makes: there is no slot
     * to use, so every member raises NSPRError SEC_ERROR_INVALID_ARGS
     * (python-nss hands NSS its NULL slot). Use the functions named in the
     * class comment to get a real slot. Takes no arguments.
     */
    @Python("PK11Slot()")
    public PK11Slot() {
        super();
    }

    /**
     * The slot's name, e.g. "NSS Internal Cryptographic Services"; a read-only
     * property ({@code slot_name}) in Python.
     *
     * @return the name ({@code PK11_GetSlotName})
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("slot_name")
    public String getSlotName() {
        return with(s -> Mem.cString(Nss3.PK11_GetSlotName(s)));
    }

    /**
     * The name (label) of the token in the slot, e.g. "NSS Certificate DB"; a
     * read-only property ({@code token_name}) in Python.
     *
     * @return the name ({@code PK11_GetTokenName})
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("token_name")
    public String getTokenName() {
        return with(s -> Mem.cString(Nss3.PK11_GetTokenName(s)));
    }

    // ---- slot and token information, passwords, key pairs ----

    private boolean flag(java.util.function.LongToIntFunction f) {
        return with(s -> f.applyAsInt(s) != 0);
    }

    /**
     * Tells whether the slot is implemented in hardware. Wraps {@code PK11_IsHW}.
     *
     * @return true for a hardware slot
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_hw()")
    public boolean isHw() { return flag(Nss3::PK11_IsHW); }

    /**
     * Tells whether the slot holds a token right now. Wraps {@code PK11_IsPresent}.
     *
     * @return true if a token is present
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_present()")
    public boolean isPresent() { return flag(Nss3::PK11_IsPresent); }

    /**
     * Tells whether the slot's token is read-only. Wraps {@code PK11_IsReadOnly}.
     *
     * @return true if nothing can be stored on the token
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_read_only()")
    public boolean isReadOnly() { return flag(Nss3::PK11_IsReadOnly); }

    /**
     * Tells whether the slot belongs to NSS's own built-in module. Wraps {@code PK11_IsInternal}.
     *
     * @return true for an internal slot
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_internal()")
    public boolean isInternal() { return flag(Nss3::PK11_IsInternal); }

    /**
     * Tells whether some operations of the token (using private keys, for instance) need a login first. Wraps {@code PK11_NeedLogin}.
     *
     * @return true if the token has operations that need a login
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("need_login()")
    public boolean needLogin() { return flag(Nss3::PK11_NeedLogin); }

    /**
     * Tells whether the token's user password (PIN) still has to be set, e.g. with {@link #initPin}. Wraps {@code PK11_NeedUserInit}.
     *
     * @return true if the user PIN is not initialized
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("need_user_init()")
    public boolean needUserInit() { return flag(Nss3::PK11_NeedUserInit); }

    /**
     * Tells whether the token lets certificates be read without logging in. Wraps {@code PK11_IsFriendly}.
     *
     * @return true for a "friendly" token
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_friendly()")
    public boolean isFriendly() { return flag(Nss3::PK11_IsFriendly); }

    /**
     * Tells whether the token can be removed from the slot (a smart card, for instance). Wraps {@code PK11_IsRemovable}.
     *
     * @return true for a removable token
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_removable()")
    public boolean isRemovable() { return flag(Nss3::PK11_IsRemovable); }

    /**
     * Tells whether the token is logged in ({@code PK11_IsLoggedIn}).
     * python-nss 1.0.1 declares this method without arguments and then reads
     * them, which crashes; here it answers (extra arguments are refused as there).
     *
     * @return true if the token is logged in
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_logged_in()")
    public boolean isLoggedIn() { return flag(s -> Nss3.PK11_IsLoggedIn(s, 0)); }

    /**
     * Tells whether the token has a protected authentication path: the user logs in on the device itself (a PIN pad of its own), not by handing a password through the library. Wraps {@code PK11_ProtectedAuthenticationPath}.
     *
     * @return true if the token authenticates on its own
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("has_protected_authentication_path()")
    public boolean hasProtectedAuthenticationPath() { return flag(Nss3::PK11_ProtectedAuthenticationPath); }

    /**
     * Tells whether the slot is disabled; {@link #getDisabledReason()} tells why. Wraps {@code PK11_IsDisabled}.
     *
     * @return true if the slot is disabled
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("is_disabled()")
    public boolean isDisabled() { return flag(Nss3::PK11_IsDisabled); }

    /**
     * Tells whether the slot holds the built-in root certificates. Wraps {@code PK11_HasRootCerts}.
     *
     * @return true if the root certificates are on the slot
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("has_root_certs()")
    public boolean hasRootCerts() { return flag(Nss3::PK11_HasRootCerts); }

    /**
     * Tells why the slot is disabled ({@code PK11_GetDisabledReason});
     * {@code pk11_disabled_reason_str()} turns the value into text.
     *
     * @return a PK11_DIS_* constant: PK11_DIS_NONE (not disabled),
     *         PK11_DIS_USER_SELECTED, PK11_DIS_COULD_NOT_INIT_TOKEN,
     *         PK11_DIS_TOKEN_VERIFY_FAILED or PK11_DIS_TOKEN_NOT_PRESENT
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("get_disabled_reason()")
    public int getDisabledReason() {
        return with(s -> Nss3.PK11_GetDisabledReason(s));
    }

    /**
     * Disables the slot at the user's request ({@code PK11_UserDisableSlot}):
     * NSS stops using it, and its disabled reason becomes
     * PK11_DIS_USER_SELECTED. The mechanisms it had are remembered for
     * {@link #userEnable()}.
     *
     * @throws NSPRError "unable to disable slot" with NSS's error when NSS refuses,
     *                   or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("user_disable()")
    public void userDisable() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_UserDisableSlot(s) == 0) throw NSPRError.last("unable to disable slot");
        }
    }

    /**
     * Enables a slot disabled by {@link #userDisable()} again, with the
     * mechanisms it had ({@code PK11_UserEnableSlot}); its disabled reason
     * becomes PK11_DIS_NONE.
     *
     * @throws NSPRError "unable to enable slot" with NSS's error when NSS refuses,
     *                   or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("user_enable()")
    public void userEnable() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_UserEnableSlot(s) == 0) throw NSPRError.last("unable to enable slot");
        }
    }

    /**
     * Logs in to the token if it needs a login and is not logged in yet
     * ({@code PK11_Authenticate}), asking the password callback (see
     * {@code set_password_callback()}) for the password.
     *
     * @param loadCerts a Boolean: true to load the token's certificates after
     *                  logging in; False by default in Python
     * @param userData  extra arguments handed to the password callback
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code loadCerts} is not a bool
     * @throws NSPRError "Unable to authenticate" with NSS's error, e.g. when the
     *                   callback gave no password or a wrong one; SEC_ERROR_INVALID_ARGS
     *                   when the slot is closed or empty
     */
    @Python("authenticate(load_certs=False, /, *user_data)")
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

    /**
     * Checks the token's security officer (administrator) password
     * ({@code PK11_CheckSSOPassword}). The password is wiped from memory afterwards.
     *
     * @param securityOfficerPasswd the password, a str or unicode (sent as UTF-8)
     * @return true if it is right, false if NSS says it is wrong
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when the password is not text
     * @throws NSPRError any NSS error other than SEC_ERROR_BAD_PASSWORD, or
     *                   SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("check_security_officer_passwd(security_officer_passwd, /)")
    public boolean checkSecurityOfficerPasswd(@Python.Raw Object securityOfficerPasswd) {
        return checkPassword(password(securityOfficerPasswd, false), true);
    }

    /**
     * Checks the token's user password ({@code PK11_CheckUserPassword}); on
     * success the token is logged in. The password is wiped from memory afterwards.
     *
     * @param userPasswd the password, a str or unicode (sent as UTF-8)
     * @return true if it is right, false if NSS says it is wrong
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when the password is not text
     * @throws NSPRError any NSS error other than SEC_ERROR_BAD_PASSWORD, or
     *                   SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("check_user_passwd(user_passwd, /)")
    public boolean checkUserPasswd(@Python.Raw Object userPasswd) {
        return checkPassword(password(userPasswd, false), false);
    }

    /**
     * Changes the token's user password ({@code PK11_ChangePW}). The passwords
     * are wiped from memory afterwards. python-nss 1.0.1 requires the first
     * argument and then crashes on any; here both work as its documentation says.
     *
     * @param oldPasswd the current password, a str or unicode, or null (None) for an
     *                  empty one
     * @param newPasswd the new password, a str or unicode, or null (None, the default)
     *                  for none
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when a password is neither text nor None
     * @throws NSPRError NSS's error (e.g. SEC_ERROR_BAD_PASSWORD when the current password
     *                   is wrong), or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("change_passwd(old_passwd, new_passwd=None)")
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
     * Sets the user password (PIN) of a token for first use ({@code PK11_InitPin}),
     * e.g. a new key database. The passwords are wiped from memory afterwards.
     * As with change_passwd, python-nss 1.0.1 crashes on any argument.
     *
     * @param securityOfficerPasswd the security officer password that unlocks the
     *                              token, a str or unicode, or null (None) for none
     * @param userPasswd            the user password to set, a str or unicode, or
     *                              null (None, the default) for an empty one
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when a password is neither text nor None
     * @throws NSPRError NSS's error (e.g. SEC_ERROR_BAD_PASSWORD), or
     *                   SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("init_pin(security_officer_passwd, user_passwd=None)")
    public void initPin(@Python.Raw Object securityOfficerPasswd, @Python.Raw Object userPasswd) {
        withPasswords(securityOfficerPasswd, userPasswd, (s, so, user) -> Nss3.PK11_InitPin(s, so, user));
    }

    /**
     * Logs out of the token ({@code PK11_Logout}); objects made in the
     * logged-in session are gone afterwards.
     *
     * @throws NSPRError "failed to logout of slot" with NSS's error, or
     *                   SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("logout()")
    public void logout() {
        try (Lease l = lease()) {
            long s = l.handle();
            if (Nss3.PK11_Logout(s) != 0) throw NSPRError.last("failed to logout of slot");
        }
    }

    /**
     * Generates a public/private key pair on the slot ({@code PK11_GenerateKeyPair}).
     * The RSA mechanisms (CKM_RSA_PKCS_KEY_PAIR_GEN, CKM_RSA_X9_31_KEY_PAIR_GEN)
     * take an {@link RSAGenParams}, CKM_DSA_KEY_PAIR_GEN a {@code KEYPQGParams};
     * for other mechanisms the parameters are ignored and NSS decides.
     *
     * @param mech      the key pair generation mechanism, a CKM_* constant
     * @param keyParams the key parameters, as above
     * @param token     nonzero (True) to store the keys on the token, 0 (False) for
     *                  session keys that vanish with the session
     * @param sensitive nonzero (True) to keep the private key's value from ever
     *                  leaving the token in the clear
     * @param userData  extra arguments handed to the password callback
     * @return a two-element array (a tuple in Python): the {@code PublicKey}, then the {@link PrivateKey}
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code keyParams} is
     *         not the type the mechanism needs
     * @throws NSPRError NSS's error when the key pair cannot be made (e.g.
     *                   SEC_ERROR_NO_MODULE for a mechanism the slot cannot do)
     */
    @Python("generate_key_pair(mechanism, key_params, token, sensitive, /, *user_data)")
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

    /**
     * The slot's report for {@code format_lines()}, {@code format()} and
     * {@code str()}: its names, its flags, why it is disabled and its best
     * wrap mechanism, one "Label: value" line each, as python-nss lists them.
     *
     * @param level the indentation level of the lines
     * @return the lines
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Override
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

    /**
     * Lists the certificates stored on the slot's token ({@code PK11_ListCertsInSlot}).
     *
     * @return the {@code Certificate}s (a tuple in Python), each with its own reference
     * @throws NSPRError NSS's error, or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("list_certs()")
    public Object[] listCerts() {
        return with(CertVerify::listCertsInSlot);
    }

    // ---- symmetric keys (key_gen, pbe_key_gen, best wrap mechanism and key length) ----

    /**
     * Generates a new symmetric key on the slot ({@code PK11_KeyGen}).
     *
     * @param mechanism the mechanism the key is for, a CKM_* constant (e.g. CKM_AES_CBC)
     * @param sec       the mechanism's parameters, a SecItem, or null (None) for none
     * @param keySize   the key length in octets; 0 for the mechanism's own length
     *                  ({@link #getBestKeyLength(long)} gives a suitable one)
     * @param userData  extra arguments handed to the password callback
     * @return the new key
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code sec} is neither a SecItem nor None
     * @throws NSPRError NSS's error (e.g. SEC_ERROR_NO_MODULE for a mechanism the slot
     *                   cannot do), or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("key_gen(mechanism, sec_param, key_size, /, *user_data)")
    public PK11SymKey keyGen(@Python.Unsigned long mechanism, Object sec, int keySize, Object... userData) {
        SecItem secParam = SymCipher.secParam(sec);
        long pin = Passwords.pinArgs(userData);
        try {
            return with(s -> MechParam.with(mechanism, secParam, p ->
                    PK11SymKey.adopt(Nss3.PK11_KeyGen(s, mechanism, p, keySize, pin))));
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * Derives a symmetric key from a password under a password-based
     * encryption algorithm identifier ({@code PK11_PBEKeyGen}), e.g. one made
     * by {@code create_pbev2_algorithm_id()}. The key keeps a copy of the
     * password, which {@code AlgorithmID.get_pbe_crypto_mechanism()} needs.
     *
     * @param algid    the PBE algorithm, its salt and iteration count
     * @param password the password octets (a str in Python)
     * @param userData extra arguments handed to the password callback
     * @return the derived key
     * @throws NSPRError NSS's error when NSS cannot derive a key under {@code algid},
     *                   or SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
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

    /**
     * The best mechanism this slot has for wrapping (encrypting) keys
     * ({@code PK11_GetBestWrapMechanism}).
     *
     * @return a CKM_* constant, e.g. CKM_DES3_ECB
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("get_best_wrap_mechanism()")
    public long getBestWrapMechanism() {
        return with(s -> Nss3.PK11_GetBestWrapMechanism(s));
    }

    /**
     * The best key length this slot has for a mechanism
     * ({@code PK11_GetBestKeyLength}), for {@link #keyGen}.
     *
     * @param mechanism a CKM_* constant
     * @return the length in octets; 0 when the token decides by itself
     * @throws NSPRError SEC_ERROR_INVALID_ARGS when the slot is closed or empty
     */
    @Python("get_best_key_length(mechanism, /)")
    public int getBestKeyLength(@Python.Unsigned long mechanism) {
        return with(s -> Nss3.PK11_GetBestKeyLength(s, mechanism));
    }
}
