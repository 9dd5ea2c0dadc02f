package org.jnss.pki;

import org.jnss.core.Peered;

import org.jnss.core.NativeResource.Lease;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;
import org.jnss.nss.NssRuntime;


/**
 * A certificate database handle (CERTCertDBHandle), {@code nss.nss.CertDB} in
 * Python. The only one is NSS's default database, obtained with
 * {@link Pki#getDefaultCertdb get_default_certdb()} once NSS is initialized;
 * Python cannot construct one. NSS owns the handle: there is nothing to close.
 * After nss_shutdown() the object is stale: using it raises NSPRError
 * (SEC_ERROR_NOT_INITIALIZED, or SEC_ERROR_BAD_DATABASE once NSS was
 * initialized again) instead of reaching a dangling pointer.
 */
public final class CertDB extends Peered {
    private final long handle;

    CertDB(long handle) {
        this.handle = handle;
    }

    /** NSS's default database as read in one NSS session ({@link NssRuntime#session()}). */
    private record Current(int session, long handle) {}

    /**
     * The last default database read, and in which session: NSS sets it when it comes up
     * and only a shutdown call (which starts a new session) changes it, so a
     * {@code Certificate(der)} with the default database makes no JNA call for it
     */
    private static volatile Current current;

    /**
     * NSS's default certificate database handle (CERT_GetDefaultCertDB), read
     * once per NSS session: the one way the core asks for it.
     *
     * @return the CERTCertDBHandle address, or 0 when NSS is not initialized
     */
    public static long currentDefault() {
        if (!NssRuntime.isInitialized()) return 0;
        int session = NssRuntime.session();
        Current c = current;
        if (c != null && c.session == session) return c.handle;
        long h = Nss3.CERT_GetDefaultCertDB();
        // (read under a session that a shutdown call on another thread ends meanwhile: kept
        // under the old session's number, so never used again)
        if (h != 0) current = new Current(session, h);
        return h;
    }

    /**
     * NSS's default certificate database (CERT_GetDefaultCertDB).
     *
     * @return a new handle object, or null when NSS is not initialized
     */
    public static CertDB getDefault() {
        long h = currentDefault();
        return h == 0 ? null : new CertDB(h);
    }

    /**
     * The native handle, checked to still be NSS's current default database
     * (also for nss.ssl).
     *
     * @return the CERTCertDBHandle address
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED when NSS is not initialized;
     *         SEC_ERROR_BAD_DATABASE when the handle belongs to an NSS instance
     *         that has been shut down
     */
    public long handle() {
        NssRuntime.requireInitialized();
        if (currentDefault() != handle)
            throw new NSPRError("the certificate database belongs to an NSS instance that has been shut down",
                    ErrorConstants.SEC_ERROR_BAD_DATABASE);
        return handle;
    }

    /**
     * Looks up the revocation list an issuer published, in the database
     * (SEC_FindCrlByName).
     *
     * @param name the issuer's distinguished name in string form, e.g.
     *        'CN=My CA,O=Example,C=US'
     * @param type SEC_CRL_TYPE (a certificate revocation list, the default) or
     *        SEC_KRL_TYPE (a key revocation list)
     * @return the CRL
     * @throws NSPRError SEC_ERROR_CRL_NOT_FOUND when the database has none;
     *         NSS's error when name cannot be parsed as a distinguished name
     */
    @Python("find_crl_by_name(name, type=SEC_CRL_TYPE)")
    public SignedCRL findCrlByName(String name, int type) {
        long db = handle();
        long parsed = Nss3.CERT_AsciiToName(Mem.utf8z(name));
        if (parsed == 0) throw NSPRError.last();
        long der = 0;
        try {
            der = Nss3.SEC_ASN1EncodeItem(0, 0, parsed, Nss3.NSS_Get_CERT_NameTemplate(0, 0));
            if (der == 0) throw NSPRError.last();
            return SignedCRL.found(Nss3.SEC_FindCrlByName(db, der, type));
        } finally {
            if (der != 0) Nss3.SECITEM_FreeItem(der, 1);
            Nss3.CERT_DestroyName(parsed);
        }
    }

    /**
     * Looks up, in the database, the revocation list that NSS associates with
     * a certificate's DER encoding (SEC_FindCrlByDERCert: the CRL published by
     * the certificate's issuer).
     *
     * @param cert the certificate
     * @param type SEC_CRL_TYPE (the default) or SEC_KRL_TYPE
     * @return the CRL
     * @throws NSPRError SEC_ERROR_CRL_NOT_FOUND when the database has none
     */
    @Python("find_crl_by_cert(cert, type=SEC_CRL_TYPE)")
    public SignedCRL findCrlByCert(Certificate cert, int type) {
        long db = handle();
        try (Lease certLease = cert.lease()) {
            long c = certLease.handle();
            return SignedCRL.found(Nss3.SEC_FindCrlByDERCert(db, c + Layout.CERT_DER_CERT, type));
        }
    }
}
