package org.jnss.pkcs12;

import org.jnss.asn1.OidNames;
import org.jnss.asn1.Oids;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.CallbackErrors;
import org.jnss.core.PyObjects;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.natives.Smime3;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.pk11.Passwords;
import org.jnss.pki.Certificate;
import org.jnss.core.NameTable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PKCS#12 functions of nss.nss (cipher policy, names, export, the
 * nickname collision callback used by {@link PKCS12Decoder#databaseImport()}),
 * over libsmime3's SEC_PKCS12* API. All static; bound into {@code nss.nss}.
 */
public final class Pkcs12 {
    private Pkcs12() {}

    // ---- cipher names and policy --------------------------------------------

    /** The PKCS12_* cipher constants (read as C longs: python-nss shows an unknown one signed). */
    @Python.Lookup(name = "pkcs12_cipher_name(cipher, /)", value = "pkcs12_cipher_from_name(name, /)")
    public static final NameTable CIPHERS = NameTable.of("PKCS12 cipher", NssConstants.class, "PKCS12_",
            NameTable.Width.SIGNED, "PKCS12_RC2_CBC_40", "PKCS12_RC2_CBC_128", "PKCS12_RC4_40", "PKCS12_RC4_128",
            "PKCS12_DES_56", "PKCS12_DES_EDE3_168");

    private static final int[] ALL_CIPHERS = {NssConstants.PKCS12_RC4_40, NssConstants.PKCS12_RC4_128,
            NssConstants.PKCS12_RC2_CBC_40, NssConstants.PKCS12_RC2_CBC_128, NssConstants.PKCS12_DES_56,
            NssConstants.PKCS12_DES_EDE3_168};

    /**
     * Allows or forbids a cipher in NSS's PKCS #12 policy
     * ({@code SEC_PKCS12EnableCipher}). The ciphers:
     * PKCS12_RC2_CBC_40, PKCS12_RC2_CBC_128, PKCS12_RC4_40, PKCS12_RC4_128,
     * PKCS12_DES_56, PKCS12_DES_EDE3_168. The setting is process-wide.
     *
     * @param cipher  a PKCS12_* constant
     * @param enabled true to enable, false to disable (in Python an int: nonzero enables)
     * @throws NSPRError "Failed to enable NAME (hex) pkcs12 cipher" (or disable) with
     *                   NSS's error, e.g. for an unknown cipher
     */
    @Python("pkcs12_enable_cipher(cipher, enabled, /)")
    public static void pkcs12EnableCipher(long cipher, @Python.IntFlag boolean enabled) {
        if (Smime3.SEC_PKCS12EnableCipher(cipher, enabled ? 1 : 0) != 0)
            throw failedCipher(enabled ? "enable" : "disable", cipher);
    }

    /**
     * Enables every PKCS #12 cipher (the six of {@link #pkcs12EnableCipher}),
     * as an application that reads PKCS #12 files usually does after initializing NSS.
     *
     * @throws NSPRError "Failed to enable NAME (hex) pkcs12 cipher" with NSS's error
     */
    @Python("pkcs12_enable_all_ciphers()")
    public static void pkcs12EnableAllCiphers() {
        for (int c : ALL_CIPHERS)
            if (Smime3.SEC_PKCS12EnableCipher(c, 1) != 0) throw failedCipher("enable", c);
    }

    /** python-nss's message; it names the cipher (an unknown one crashes python-nss: here its number). */
    private static NSPRError failedCipher(String what, long cipher) {
        String name = CIPHERS.find(cipher);
        return NSPRError.last(String.format("Failed to %s %s (%x) pkcs12 cipher", what,
                name == null ? Long.toString(cipher) : name, cipher));
    }

    /**
     * Sets or clears the "preferred" flag of a PKCS #12 cipher
     * ({@code SEC_PKCS12SetPreferredCipher}); NSS's default preferred cipher is
     * PKCS12_RC2_CBC_40.
     *
     * @param cipher  a PKCS12_* constant
     * @param enabled true to set the flag, false to clear it (in Python an int: nonzero sets it)
     * @throws NSPRError NSS's error when it refuses
     */
    @Python("pkcs12_set_preferred_cipher(cipher, enabled, /)")
    public static void pkcs12SetPreferredCipher(long cipher, @Python.IntFlag boolean enabled) {
        if (Smime3.SEC_PKCS12SetPreferredCipher(cipher, enabled ? 1 : 0) != 0) throw NSPRError.last();
    }

    /**
     * Maps a cipher and key length to the password-based encryption method
     * {@link #pkcs12Export} takes as {@code key_cipher} or {@code cert_cipher}:
     * a PBE algorithm is returned as it is; a plain cipher with a PKCS #12 PBE
     * form gives that form; any other cipher is returned as it is (PKCS #5 v2
     * encryption with that cipher).
     *
     * @param cipher    the cipher: a SEC_OID_* tag, a name ({@code "SEC_OID_DES_EDE3_CBC"},
     *                  the {@code SEC_OID_} prefix optional, case insensitive), a dotted
     *                  decimal OID, or a SecItem holding the DER OID
     * @param keyLength the key length in bits; 0 (the default) for the cipher's default
     * @return a SEC_OID_* tag; SEC_OID_UNKNOWN where NSS maps the cipher to a MAC (PBMAC1)
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code cipher} is of another type
     * @throws org.jnss.core.KeyError (Python's KeyError) for an unknown name
     */
    @Python("pkcs12_map_cipher(cipher, key_length=0)")
    public static int pkcs12MapCipher(Object cipher, int keyLength) {
        int tag = OidNames.anyTagOf(cipher);
        if (Nss3.SEC_PKCS5IsAlgorithmPBEAlgTag(tag) != 0) return tag;
        int c = Nss3.SEC_PKCS5GetPBEAlgorithm(tag, keyLength);
        if (c == NssConstants.SEC_OID_PKCS5_PBES2) return tag;      // no PKCS#12 PBE: PKCS#5 v2 with this cipher
        if (c == NssConstants.SEC_OID_PKCS5_PBMAC1) return NssConstants.SEC_OID_UNKNOWN;
        return c;
    }

    // ---- passwords ------------------------------------------------------------

    /**
     * python-nss's "es" (UTF-8) string argument: the octets of a str, the UTF-8
     * encoding of a unicode (or of a Java String); anything else is CPython 2's
     * TypeError for that format.
     */
    static byte[] esArgument(Object o, String function, int position) {
        if (o instanceof String s) return s.getBytes(StandardCharsets.UTF_8);
        byte[] b = o == null ? null : PyObjects.ops().utf8(o);
        if (b == null)
            throw new ArgumentError(function + "() argument " + position
                    + " must be string or unicode or text buffer, not "
                    + (o == null ? "None" : PyTypeNames.of(PyValues.toJava(o))));
        return b;
    }

    /** The octets up to the first NUL (python-nss reads the password as a C string). */
    private static byte[] cut(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                byte[] t = Arrays.copyOf(b, i);
                Arrays.fill(b, (byte) 0);
                return t;
            }
        }
        return b;
    }

    /**
     * The decoder's password: a new SECItem holding the UCS-2 (big-endian) form
     * of the password with its terminating NUL, as PKCS#12 keys are derived
     * from. Free with SECITEM_ZfreeItem(item, PR_TRUE).
     */
    static long ucs2Password(byte[] password) {
        byte[] u8 = cut(password);
        byte[] in = Arrays.copyOf(u8, u8.length + 1);
        Arrays.fill(u8, (byte) 0);
        int alloc = in.length * 2;
        long item = Nss3.SECITEM_AllocItem(0, 0, alloc);
        if (item == 0) {
            Arrays.fill(in, (byte) 0);
            throw NSPRError.last();
        }
        int[] outLen = new int[1];
        int ok = Nss3.PORT_UCS2_UTF8Conversion(1, in, in.length, Mem.getPointer(item, Layout.ITEM_DATA), alloc, outLen);
        Arrays.fill(in, (byte) 0);
        if (ok == 0) {
            Nss3.SECITEM_ZfreeItem(item, 1);
            throw new IllegalArgumentException("password conversion to UCS2 failed");
        }
        Mem.setInt(item, Layout.ITEM_LEN, outLen[0]);
        return item;
    }

    /** A new SECItem holding the octets (free with SECITEM_ZfreeItem(item, PR_TRUE)). */
    private static long secItem(byte[] data) {
        long item = Nss3.SECITEM_AllocItem(0, 0, Math.max(1, data.length));
        if (item == 0) throw NSPRError.last();
        Mem.write(Mem.getPointer(item, Layout.ITEM_DATA), 0, data, 0, data.length);
        Mem.setInt(item, Layout.ITEM_LEN, data.length);
        return item;
    }

    // ---- nickname collisions ------------------------------------------------------

    /**
     * Resolves a nickname collision while a PKCS#12 file is imported: returns
     * (new_nickname, cancel), new_nickname a string or None, cancel a bool.
     */
    @FunctionalInterface
    public interface NicknameCollisionCallback {
        /**
         * Asked for a certificate's nickname during {@link PKCS12Decoder#databaseImport()}.
         *
         * @param oldNickname the nickname the certificate had (taken), or null when it had none
         * @param cert        the certificate being imported
         * @return a Python tuple {@code (new_nickname, cancel)}: the nickname to try
         *         (a str, or None) and a bool, True to give up
         */
        Object call(byte[] oldNickname, Certificate cert);
    }

    /** Per thread, as python-nss keeps it (a thread-local of the interpreter). */
    private static final ThreadLocal<NicknameCollisionCallback> COLLISION = new ThreadLocal<>();

    /**
     * Sets the function {@link PKCS12Decoder#databaseImport()} calls, on this
     * thread, when a certificate to import has no nickname or one already
     * taken in the database, as {@code callback(old_nickname, cert)}:
     * {@code old_nickname} is the taken nickname or None, {@code cert} the
     * {@code Certificate}. It returns a tuple {@code (new_nickname, cancel)}:
     * the nickname to try (a str, or None) and a bool, True to give up on
     * the certificate. A result of another shape is reported on stderr and
     * ends the import of that certificate; so does an exception in the callback.
     * Without a callback NSS makes the nickname itself ({@code CERT_MakeCANickname},
     * as {@code Certificate.make_ca_nickname()}).
     *
     * @param callback the function (in Python, any callable)
     * @throws org.jnss.core.ArgumentError (Python's TypeError "callback must be callable")
     *         when {@code callback} is null
     */
    @Python("pkcs12_set_nickname_collision_callback(callback, /)")
    public static void pkcs12SetNicknameCollisionCallback(NicknameCollisionCallback callback) {
        if (callback == null) throw new ArgumentError("callback must be callable");
        COLLISION.set(callback);
    }

    static Smime3.NicknameCollisionCallback collisionCallback() {
        return COLLISION.get() == null ? DEFAULT_COLLISION : PYTHON_COLLISION;
    }

    /** A new SECItem (as NSS frees it) holding a nickname. */
    private static long nicknameItem(byte[] nick) {
        long item = Nss3.SECITEM_AllocItem(0, 0, nick.length + 1);
        if (item == 0) return 0;
        long p = Mem.getPointer(item, Layout.ITEM_DATA);
        Mem.write(p, 0, nick, 0, nick.length);
        Mem.setByte(p, nick.length, (byte) 0);
        Mem.setInt(item, Layout.ITEM_LEN, nick.length);
        return item;
    }

    /** Without a Python callback: the CA nickname NSS makes for the certificate, unless it is the old one. */
    private static final Smime3.NicknameCollisionCallback DEFAULT_COLLISION = (oldNick, cancel, cert) -> {
        try {
            if (cancel == 0 || cert == 0) return 0;
            long nick = Nss3.CERT_MakeCANickname(cert);
            if (nick == 0) return 0;
            byte[] n;
            try {
                n = Mem.cStringBytes(nick);
            } finally {
                Nss3.PORT_Free(nick);
            }
            byte[] old = oldNick == 0 ? null : Scratch.itemBytes(oldNick);
            if (old != null && old.length > 0 && Arrays.equals(old, n)) {
                Nss3.PORT_SetError(ErrorConstants.SEC_ERROR_CERT_NICKNAME_COLLISION);
                CallbackErrors.print("PKCS12_default_nickname_collision_callback: CERT_MakeCANickname() returned existing nickname");
                return 0;
            }
            return nicknameItem(n);
        } catch (Throwable t) {
            CallbackErrors.report("PKCS12 nickname collision callback", t);
            return 0;
        }
    };

    /** The Python callback of this thread. */
    private static final Smime3.NicknameCollisionCallback PYTHON_COLLISION = (oldNick, cancelPtr, cert) -> {
        boolean cancel = true;
        long result = 0;
        try {
            NicknameCollisionCallback cb = COLLISION.get();
            if (cb == null) {
                CallbackErrors.print("PKCS12 nickname collision callback undefined");
                return 0;
            }
            if (cancelPtr == 0 || cert == 0) return 0;
            byte[] old = oldNick == 0 ? null : Scratch.itemBytes(oldNick);
            if (old != null && old.length == 0) old = null;
            long dup = Nss3.CERT_DupCertificate(cert);
            if (dup == 0) return 0;
            Object r;
            try {
                r = cb.call(old, Certificate.adopt(dup));
            } catch (Throwable t) {
                CallbackErrors.report("PKCS12 nickname collision callback", t);
                return 0;
            }
            PyObjects.Ops ops = PyObjects.ops();
            List<Object> items = r != null && ops.isTuple(r) ? ops.items(r) : null;
            if (items == null || items.size() != 2) {
                CallbackErrors.print("Error, PKCS12 nickname collision callback expected tuple result with 2 values.");
                return 0;
            }
            Object nick = items.get(0);
            if (nick != null && !ops.isText(nick)) {
                CallbackErrors.print("Error, PKCS12 nickname collision callback expected 1st returned item to be string or None.");
                return 0;
            }
            Object c = PyValues.toJava(items.get(1));
            if (!(c instanceof Boolean b)) {
                CallbackErrors.print("Error, PKCS12 nickname collision callback expected 2nd returned item to be boolean.");
                return 0;
            }
            cancel = b;
            if (nick != null) result = nicknameItem(ops.utf8(nick));
            return result;
        } catch (Throwable t) {
            CallbackErrors.report("PKCS12 nickname collision callback", t);
            return result;
        } finally {
            if (cancelPtr != 0) {
                try {
                    Mem.setInt(cancelPtr, 0, cancel ? 1 : 0);
                } catch (Throwable ignored) {
                    // nothing may unwind into NSS
                }
            }
        }
    };

    // ---- export ---------------------------------------------------------------------

    /**
     * UCS-2 <-> UTF-8 for NSS's "ASCII" conversion hook, which the PKCS#12
     * encoder uses for the password: python-nss installs one before exporting.
     * UCS-2 is big-endian both ways (the swap flag is not applied, as in
     * python-nss: NSS's PKCS#12 code passes and expects big-endian data).
     */
    private static final org.jnss.natives.Nss3.CharConversionWSwapFunc UCS2_UTF8 =
            (toUnicode, in, inLen, out, maxOut, outLen, swap) -> {
                try {
                    return Nss3.PORT_UCS2_UTF8Conversion(toUnicode, in, inLen, out, maxOut, outLen);
                } catch (Throwable t) {
                    CallbackErrors.report("PKCS12 UCS2 conversion", t);
                    return 0;
                }
            };
    private static volatile boolean conversionInstalled;

    private static final Map<Long, ByteArrayOutputStream> OUTPUTS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_OUTPUT = new AtomicLong(1);

    private static final Smime3.EncoderOutputCallback FEED = (arg, buf, len) -> {
        try {
            ByteArrayOutputStream o = OUTPUTS.get(arg);
            if (o != null && len > 0) o.writeBytes(Mem.read(buf, 0, (int) len));
        } catch (Throwable t) {
            CallbackErrors.report("PKCS12 export", t);
        }
    };

    /**
     * Exports the certificates with a given nickname that have a private key,
     * with their keys, as PKCS #12 data (the contents of a .p12 file; write
     * them to a file yourself). The keys are encrypted with
     * {@code key_cipher}, the certificates and the rest of the package with
     * {@code cert_cipher}; the whole is integrity-protected with a SHA-1 MAC
     * of the password. NSS must be initialized, and the password callback may
     * be asked for the token's password.
     *
     * @param nickname       the nickname, a str or unicode
     * @param pkcs12Password the password protecting the export, a str or unicode (wiped
     *                       from memory afterwards)
     * @param keyCipher      a SEC_OID_* tag of a PBE algorithm for the keys (default
     *                       SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC);
     *                       {@link #pkcs12MapCipher} gives one from a plain cipher
     * @param certCipher     the tag for the certificates; null (omitted in Python) for
     *                       SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_40_BIT_RC2_CBC, or no
     *                       encryption of the certificates in FIPS mode
     *                       (SEC_OID_UNKNOWN also means none)
     * @param pinArgs        a tuple of arguments for the password callback, or null (None, the default)
     * @return the PKCS #12 data (a str in Python)
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when the nickname or password
     *         is not text, or {@code pinArgs} neither a tuple nor None
     * @throws IllegalArgumentException (Python's ValueError) when no certificate has the
     *         nickname, none of them has a key, or one is not on a token
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized; NSS's error
     *                   when the export fails (e.g. "add cert and key failed")
     */
    @Python("pkcs12_export(nickname, pkcs12_password, key_cipher=SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_3KEY_TRIPLE_DES_CBC, cert_cipher=, pin_args=None)")
    public static byte[] pkcs12Export(@Python.Raw Object nickname, @Python.Raw Object pkcs12Password,
                                      @Python.Unsigned('I') int keyCipher, @Python.Unsigned('I') Integer certCipher, @Python.Raw Object pinArgs) {
        byte[] nickUtf8 = esArgument(nickname, "pkcs12_export", 1);
        byte[] pwBytes = esArgument(pkcs12Password, "pkcs12_export", 2);
        Object[] userData;
        if (pinArgs == null) userData = null;
        else if (PyObjects.ops().isTuple(pinArgs)) userData = PyObjects.ops().items(pinArgs).toArray();
        else throw new ArgumentError("must be tuple or None, not " + PyTypeNames.of(PyValues.toJava(pinArgs)));
        NssRuntime.requireInitialized();
        synchronized (Pkcs12.class) {
            if (!conversionInstalled) {
                Nss3.PORT_SetUCS2_ASCIIConversionFunction(UCS2_UTF8);
                conversionInstalled = true;
            }
        }
        int cc = certCipher != null ? certCipher
                : Nss3.PK11_IsFIPS() != 0 ? NssConstants.SEC_OID_UNKNOWN
                : NssConstants.SEC_OID_PKCS12_V2_PBE_WITH_SHA1_AND_40_BIT_RC2_CBC;
        byte[] nick = Arrays.copyOf(nickUtf8, nickUtf8.length + 1);
        String nickText = new String(nickUtf8, StandardCharsets.UTF_8);
        long pw = 0, list = 0, ctx = 0, out = 0;
        long pin = Passwords.pinArgs(userData);
        try {
            pw = secItem(pwBytes);
            list = Nss3.PK11_FindCertsFromNickname(nick, pin);
            if (list == 0) throw new IllegalArgumentException("failed to find certs for nickname = \"" + nickText + "\"");
            if (Nss3.CERT_FilterCertListForUserCerts(list) != 0 || Mem.getPointer(list, 0) == list)
                throw new IllegalArgumentException("no certs with keys for nickname = \"" + nickText + "\"");
            long first = Mem.getPointer(list, 0);
            long firstCert = Mem.getPointer(first, Layout.CERTLIST_NODE_CERT);
            long slot = firstCert == 0 ? 0 : Mem.getPointer(firstCert, Layout.CERT_SLOT);
            if (slot == 0) throw new IllegalArgumentException("cert does not have a slot");
            ctx = Smime3.SEC_PKCS12CreateExportContext(0, 0, slot, pin);
            if (ctx == 0) throw NSPRError.last("export context creation failed");
            if (Smime3.SEC_PKCS12AddPasswordIntegrity(ctx, pw, NssConstants.SEC_OID_SHA1) != 0)
                throw NSPRError.last("PKCS12 add password integrity failed");
            for (long n = first; n != 0 && n != list; n = Mem.getPointer(n, 0)) {
                long cert = Mem.getPointer(n, Layout.CERTLIST_NODE_CERT);
                if (cert == 0 || Mem.getPointer(cert, Layout.CERT_SLOT) == 0)
                    throw new IllegalArgumentException("cert does not have a slot");
                long keySafe = Smime3.SEC_PKCS12CreateUnencryptedSafe(ctx);
                long certSafe = cc == NssConstants.SEC_OID_UNKNOWN ? keySafe
                        : Smime3.SEC_PKCS12CreatePasswordPrivSafe(ctx, pw, cc);
                if (certSafe == 0 || keySafe == 0) throw new IllegalArgumentException("key or cert safe creation failed");
                if (Smime3.SEC_PKCS12AddCertAndKey(ctx, certSafe, 0, cert, org.jnss.pki.CertDB.currentDefault(), keySafe, 0,
                        1, pw, keyCipher) != 0)
                    throw NSPRError.last("add cert and key failed");
            }
            out = NEXT_OUTPUT.getAndIncrement();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            OUTPUTS.put(out, buf);
            if (Smime3.SEC_PKCS12Encode(ctx, FEED, out) != 0) throw NSPRError.last("PKCS12 encode failed");
            return buf.toByteArray();
        } finally {
            Arrays.fill(pwBytes, (byte) 0);
            if (out != 0) OUTPUTS.remove(out);
            if (list != 0) Nss3.CERT_DestroyCertList(list);
            if (ctx != 0) Smime3.SEC_PKCS12DestroyExportContext(ctx);
            if (pw != 0) Nss3.SECITEM_ZfreeItem(pw, 1);
            Passwords.releasePinArgs(pin);
        }
    }

    /** CERTCertListNode.cert */
}
