package org.jnss.pki;

import org.jnss.core.NativeResource.Lease;
import org.jnss.core.Python;
import org.jnss.natives.Ssl3;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.CInts;
import org.jnss.core.PyTypeNames;
import org.jnss.error.CertVerifyError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.PK11Slot;
import org.jnss.pk11.Passwords;
import org.jnss.pk11.PrivateKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Certificate verification, chains, trust and the database lookups, each a
 * direct call of the NSS function python-nss calls (CERT_VerifyCertificate,
 * CERT_VerifyCertificateNow, CERT_VerifyCertName, ...): NSS alone decides,
 * nothing is checked or trusted here. User data for the password callback
 * travel as the call's pin argument.
 */
public final class CertVerify {
    private CertVerify() {}

    // CERTCertList / CERTCertListNode / CERTCertNicknames / CERTDistNames (LP64, offsetof-checked)
    private static final int NICKNAMES_NUM = 16, NICKNAMES_LIST = 24;
    private static final int TRUST_SIZE = 12;

    /**
     * A time argument: microseconds since the epoch as int/long/float, None for
     * now. An integer beyond 64 signed bits is an OverflowError (python-nss sets
     * that error and goes on with -1; Python 2 raises it at a later statement).
     */
    static long time(Object time) {
        if (time == null) return Nspr4.PR_Now();
        if (time instanceof Double d) return cTruncate(d);
        if (CInts.isInteger(time)) return CInts.asLong(time);
        throw new ArgumentError("must be int, float or None, not " + PyTypeNames.of(time));
    }

    /**
     * A double truncated to a 64-bit integer as python-nss's C conversion does
     * on x86-64: NaN and values outside the range give the "integer
     * indefinite" value, Long.MIN_VALUE (Java's cast would give 0 for NaN and
     * saturate the others).
     */
    static long cTruncate(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) return Long.MIN_VALUE;
        return (long) d;
    }

    private static CertVerifyError failure(long returned, CertVerifyLog log) {
        NSPRError e = NSPRError.last();
        return new CertVerifyError(null, e.getErrorCode(), (int) returned, log);
    }

    static int verifyNow(Certificate cert, CertDB certdb, boolean checkSig, long required, Object[] userData) {
        long db = certdb.handle();
        long[] returned = new long[1];
        long pin = Passwords.pinArgs(userData);
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            if (Nss3.CERT_VerifyCertificateNow(db, c, checkSig ? 1 : 0, required, pin, returned) != 0)
                throw failure(returned[0], null);
            return (int) returned[0];
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /** CERT_VerifyCertificate; with a log, returns {usages, log}. */
    static Object verify(Certificate cert, CertDB certdb, boolean checkSig, long required, Object time,
                         Object[] userData, boolean withLog) {
        long db = certdb.handle();
        long t = time(time);
        long[] returned = new long[1];
        long pin = Passwords.pinArgs(userData);
        long log = withLog ? CertVerifyLog.allocate() : 0;
        NSPRError err = null;
        CertVerifyLog result = null;
        try (Lease certLease = cert.lease()) {
            int rv = Nss3.CERT_VerifyCertificate(db, certLease.handle(), checkSig ? 1 : 0, required, t, pin, log, returned);
            if (rv != 0) err = NSPRError.last();
        } finally {
            Passwords.releasePinArgs(pin);
            if (log != 0) result = CertVerifyLog.consume(log);
        }
        if (err != null) throw new CertVerifyError(null, err.getErrorCode(), (int) returned[0], result);
        int usages = (int) returned[0];
        return withLog ? new Object[]{usages, result} : usages;
    }

    static boolean verifyHostname(Certificate cert, String hostname) {
        byte[] name = cstring(hostname);
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            return Nss3.CERT_VerifyCertName(c, name) == 0;
        }
    }

    /** A time argument where python-nss takes 0 for now as well as None. */
    static long timeOrNow(Object time) {
        long t = time(time);
        return t == 0 ? Nspr4.PR_Now() : t;
    }

    static int checkValidTimes(Certificate cert, Object time, boolean allowOverride) {
        long t = timeOrNow(time);
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            return Nss3.CERT_CheckCertValidTimes(c, t, allowOverride ? 1 : 0);
        }
    }

    static Object isCaCert(Certificate cert, boolean returnCertType) {
        // the type comes back in the thread's buffer (a Java array is copied in and out by JNA)
        try (Lease certLease = cert.lease(); ThreadBuffer b = ThreadBuffer.take(4)) {
            long c = certLease.handle(), type = b.address();
            Mem.setInt(type, 0, 0);
            boolean ca = Nss3.CERT_IsCACert(c, type) != 0;
            return returnCertType ? new Object[]{ca, Mem.getInt(type, 0)} : ca;
        }
    }

    static int findKeaType(Certificate cert) {
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            return org.jnss.natives.Ssl3.NSS_FindCertKEAType(c);
        }
    }

    static byte[] makeCaNickname(Certificate cert) {
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            long s = Nss3.CERT_MakeCANickname(c);
            if (s == 0) throw NSPRError.last();
            return Scratch.takePortString(s);
        }
    }

    static Object[] certChain(Certificate cert, Object time, int usage) {
        long t = timeOrNow(time);
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            long list = Nss3.CERT_GetCertChainFromCert(c, t, usage);
            if (list == 0) throw NSPRError.last();
            return certList(list).toArray();
        }
    }

    /** The certificates of a CERTCertList, each with a new reference; destroys the list. */
    static List<Certificate> certList(long list) {
        List<Certificate> out = new ArrayList<>();
        try {
            for (long n = Mem.getPointer(list, 0); n != 0 && n != list; n = Mem.getPointer(n, 0)) {
                long dup = Nss3.CERT_DupCertificate(Mem.getPointer(n, Layout.CERTLIST_NODE_CERT));
                if (dup != 0) out.add(new Certificate(dup));
            }
        } finally {
            Nss3.CERT_DestroyCertList(list);
        }
        return out;
    }

    static boolean hasSignerInCaNames(Certificate cert, Object caNames) {
        if (!(caNames instanceof List<?> || caNames instanceof Object[]))
            throw new ArgumentError("cert distnames must be a list or tuple");
        List<?> names = caNames instanceof Object[] a ? Arrays.asList(a) : (List<?>) caNames;
        // python-nss takes only SecItems of the distinguished-name kind (SSL's CA name lists,
        // handed to a client auth data callback); any other item is refused.
        List<byte[]> ders = new java.util.ArrayList<>();
        for (Object o : names) {
            Object item = org.jnss.core.PyValues.toJava(o);
            if (!(item instanceof SecItem si) || si.getKind() != SecItem.Kind.DIST_NAME)
                throw new ArgumentError("item must be a nss.nss.SecItem containing a DistName");
            ders.add(si.toByteArray());
        }
        try (Scratch s = new Scratch()) {
            long dn = s.calloc(Layout.DISTNAMES_SIZE);
            long items = ders.isEmpty() ? 0 : s.calloc((long) ders.size() * Layout.ITEM_SIZE);
            for (int i = 0; i < ders.size(); i++) {
                long src = s.item(ders.get(i));
                long dst = items + (long) i * Layout.ITEM_SIZE;
                Mem.setInt(dst, Layout.ITEM_TYPE, 0);
                Mem.setPointer(dst, Layout.ITEM_DATA, Mem.getPointer(src, Layout.ITEM_DATA));
                Mem.setInt(dst, Layout.ITEM_LEN, ders.get(i).length);
            }
            Mem.setInt(dn, Layout.DISTNAMES_NNAMES, ders.size());
            Mem.setPointer(dn, Layout.DISTNAMES_NAMES, items);
            try (Lease certLease = cert.lease()) {
                long c = certLease.handle();
                return org.jnss.natives.Ssl3.NSS_CmpCertChainWCANames(c, dn) == 0;
            }
        }
    }

    static void setTrustAttributes(Certificate cert, String trust, CertDB certdb, PK11Slot slot, Object[] userData) {
        long db = certdb != null ? certdb.handle() : defaultDb();
        byte[] t = cstring(trust);
        PK11Slot own = null;
        if (slot == null) slot = own = internalKeySlot();
        try (Scratch s = new Scratch()) {
            long tr = s.calloc(TRUST_SIZE);
            if (Nss3.CERT_DecodeTrustString(tr, t) != 0)
                throw new NSPRError("cannot decode trust string '" + trust + "'", NSPRError.last().getErrorCode());
            long pin = Passwords.pinArgs(userData);
            try (Lease slotLease = slot.lease()) {
                long sl = slotLease.handle();
                if (Nss3.PK11_NeedLogin(sl) != 0 && Nss3.PK11_Authenticate(sl, 1, pin) != 0)
                    throw NSPRError.last();
            } finally {
                Passwords.releasePinArgs(pin);
            }
            try (Lease certLease = cert.lease()) {
                long c = certLease.handle();
                if (Nss3.CERT_ChangeCertTrust(db, c, tr) != 0) throw NSPRError.last();
            }
        } finally {
            if (own != null) own.close();
        }
    }

    // ---- module functions ----------------------------------------------------

    private static long defaultDb() {
        NssRuntime.requireInitialized();
        long h = CertDB.currentDefault();
        if (h == 0) throw new NSPRError(null, ErrorConstants.SEC_ERROR_BAD_DATABASE);
        return h;
    }

    static PK11Slot internalKeySlot() {
        NssRuntime.requireInitialized();
        long s = Nss3.PK11_GetInternalKeySlot();
        if (s == 0) throw NSPRError.last();
        return PK11Slot.adopt(s);
    }

    static byte[] cstring(String s) {
        if (s.indexOf('\0') >= 0) throw new ArgumentError("argument must be encoded string without null bytes");
        return Mem.utf8z(s);
    }

    /**
     * Finds a certificate by nickname in the token databases
     * (PK11_FindCertFromNickname), logging in to tokens through the password
     * callback as needed. Several certificates may share a nickname (one
     * subject); NSS returns the newest valid one. A nickname may be prefixed
     * with a token name, "token:nickname".
     *
     * @param nickname the nickname
     * @param userData extra arguments passed to the password callback
     * @return the certificate (a new reference)
     * @throws NSPRError when none is found: NSS sets no code of its own then,
     *         so the code is the thread's previous error, as in python-nss;
     *         SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     * @throws ArgumentError (TypeError) when nickname contains a NUL character
     */
    @Python("find_cert_from_nickname(nickname, /, *user_data)")
    public static Certificate findCertFromNickname(String nickname, Object... userData) {
        NssRuntime.requireInitialized();
        byte[] n = cstring(nickname);
        long pin = Passwords.pinArgs(userData);
        try {
            long c = Nss3.PK11_FindCertFromNickname(n, pin);
            if (c == 0) throw NSPRError.last();
            return new Certificate(c);
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * Finds every certificate with a nickname (PK11_FindCertsFromNickname).
     *
     * @param nickname the nickname, optionally prefixed with "token:"
     * @param userData extra arguments passed to the password callback
     * @return the certificates (a tuple in Python), each a new reference
     * @throws NSPRError when none is found (with the thread's previous error
     *         code, as in python-nss); SEC_ERROR_NOT_INITIALIZED before NSS is
     *         initialized
     * @throws ArgumentError (TypeError) when nickname contains a NUL character
     */
    @Python("find_certs_from_nickname(nickname, /, *user_data)")
    public static Object[] findCertsFromNickname(String nickname, Object... userData) {
        NssRuntime.requireInitialized();
        byte[] n = cstring(nickname);
        long pin = Passwords.pinArgs(userData);
        try {
            long list = Nss3.PK11_FindCertsFromNickname(n, pin);
            if (list == 0) throw NSPRError.last();
            return certList(list).toArray();
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * Finds every certificate for an email address
     * (PK11_FindCertsFromEmailAddress).
     *
     * @param email the email address
     * @param userData extra arguments passed to the password callback
     * @return the certificates (a tuple in Python), each a new reference
     * @throws NSPRError when none is found (with the thread's previous error
     *         code, as in python-nss); SEC_ERROR_NOT_INITIALIZED before NSS is
     *         initialized
     * @throws ArgumentError (TypeError) when email contains a NUL character
     */
    @Python("find_certs_from_email_addr(email, /, *user_data)")
    public static Object[] findCertsFromEmailAddr(String email, Object... userData) {
        NssRuntime.requireInitialized();
        byte[] n = cstring(email);
        long pin = Passwords.pinArgs(userData);
        try {
            long list = Nss3.PK11_FindCertsFromEmailAddress(n, pin);
            if (list == 0) throw NSPRError.last();
            return certList(list).toArray();
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * Lists the certificates of the token databases of one kind (PK11_ListCerts).
     *
     * @param type a PK11CertList* constant: PK11CertListAll, PK11CertListUser
     *        (certificates with a private key), PK11CertListCA,
     *        PK11CertListRootUnique, ... ("Unique" variants list each
     *        certificate once)
     * @param userData extra arguments passed to the password callback
     * @return the certificates (a tuple in Python, possibly empty), each a new reference
     * @throws NSPRError when NSS fails; SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Python("list_certs(type, /, *user_data)")
    public static Object[] listCerts(int type, Object... userData) {
        NssRuntime.requireInitialized();
        long pin = Passwords.pinArgs(userData);
        try {
            long list = Nss3.PK11_ListCerts(type, pin);
            if (list == 0) throw NSPRError.last();
            return certList(list).toArray();
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * The certificates of one slot (PK11_ListCertsInSlot), for PK11Slot's
     * list_certs().
     *
     * @param slot the PK11SlotInfo address, held by the caller for the call
     * @return the certificates, each a new reference
     * @throws NSPRError when NSS fails
     */
    public static Object[] listCertsInSlot(long slot) {
        long list = Nss3.PK11_ListCertsInSlot(slot);
        if (list == 0) throw NSPRError.last();
        return certList(list).toArray();
    }

    /**
     * The nicknames of certificates of a database (CERT_GetCertNicknames).
     *
     * @param certdb the certificate database, e.g. get_default_certdb()
     * @param what which certificates: SEC_CERT_NICKNAMES_ALL,
     *        SEC_CERT_NICKNAMES_USER, SEC_CERT_NICKNAMES_SERVER or SEC_CERT_NICKNAMES_CA
     * @param userData extra arguments passed to the password callback
     * @return the nicknames as byte arrays (a tuple of str in Python)
     * @throws NSPRError when NSS fails
     */
    @Python("get_cert_nicknames(certdb, what, /, *user_data)")
    public static Object[] certNicknames(CertDB certdb, int what, Object... userData) {
        long db = certdb.handle();
        long pin = Passwords.pinArgs(userData);
        try {
            long names = Nss3.CERT_GetCertNicknames(db, what, pin);
            if (names == 0) throw NSPRError.last();
            try {
                int n = Mem.getInt(names, NICKNAMES_NUM);
                long arr = Mem.getPointer(names, NICKNAMES_LIST);
                Object[] out = new Object[n];
                for (int i = 0; i < n; i++) {
                    long p = Mem.getPointer(arr, (long) i * Mem.POINTER_SIZE);
                    out[i] = Mem.cStringBytes(p);
                }
                return out;
            } finally {
                Nss3.CERT_FreeNicknames(names);
            }
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }

    /**
     * Finds the private key of a certificate in any slot
     * (PK11_FindKeyByAnyCert), logging in through the password callback as needed.
     *
     * @param cert the certificate whose key is wanted
     * @param userData extra arguments passed to the password callback
     * @return the private key
     * @throws NSPRError when no slot has the key (typically SSL_ERROR_NO_CERTIFICATE)
     */
    @Python("find_key_by_any_cert(cert, /, *user_data)")
    public static PrivateKey findKeyByAnyCert(Certificate cert, Object... userData) {
        long pin = Passwords.pinArgs(userData);
        try (Lease certLease = cert.lease()) {
            long k = Nss3.PK11_FindKeyByAnyCert(certLease.handle(), pin);
            if (k == 0) throw NSPRError.last();
            return PrivateKey.adopt(k);
        } finally {
            Passwords.releasePinArgs(pin);
        }
    }
}
