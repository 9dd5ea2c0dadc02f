package org.jnss.pki;

import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Nss3;
import org.jnss.natives.NssPki;
import org.jnss.natives.NssPkix;
import org.jnss.nss.NssRuntime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A certificate database handle (CERTCertDBHandle). python-nss hands out only
 * the default one, which NSS owns: nothing is released here. The handle of a
 * shut down NSS is never used (NSPRError instead of a dangling pointer).
 */
@Python.Type(doc = "An object representing a Certificate Database")
public final class CertDB {
    private final long handle;

    CertDB(long handle) {
        this.handle = handle;
    }

    /** The default certificate database, or null when NSS is not initialized. */
    public static CertDB getDefault() {
        if (!NssRuntime.isInitialized()) return null;
        long h = NssPki.CERT_GetDefaultCertDB();
        return h == 0 ? null : new CertDB(h);
    }

    /** The handle, checked to still be NSS's current one (also for nss.ssl). */
    public long handle() {
        NssRuntime.requireInitialized();
        if (NssPki.CERT_GetDefaultCertDB() != handle)
            throw new NSPRError("the certificate database belongs to an NSS instance that has been shut down",
                    ErrorConstants.SEC_ERROR_BAD_DATABASE);
        return handle;
    }

    @Python(value = "find_crl_by_name(name, type=SEC_CRL_TYPE)",
            doc = "find_crl_by_name(name, type=SEC_CRL_TYPE) -> SignedCRL\n\n"
                    + "The revocation list of the given type (SEC_CRL_TYPE or SEC_KRL_TYPE) whose issuer is\n"
                    + "name, a distinguished name in string form (e.g. 'CN=My CA,O=Example'), looked up\n"
                    + "in the database; NSPRError SEC_ERROR_CRL_NOT_FOUND when there is none.")
    public SignedCRL findCrlByName(String name, int type) {
        long db = handle();
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        long parsed = NssPki.CERT_AsciiToName(Arrays.copyOf(utf8, utf8.length + 1));
        if (parsed == 0) throw NSPRError.last();
        long der = 0;
        try {
            der = NssPki.SEC_ASN1EncodeItem(0, 0, parsed, NssPki.NSS_Get_CERT_NameTemplate(0, 0));
            if (der == 0) throw NSPRError.last();
            return SignedCRL.found(NssPkix.SEC_FindCrlByName(db, der, type));
        } finally {
            if (der != 0) Nss3.SECITEM_FreeItem(der, 1);
            NssPki.CERT_DestroyName(parsed);
        }
    }

    @Python(value = "find_crl_by_cert(cert, type=SEC_CRL_TYPE)",
            doc = "find_crl_by_cert(cert, type=SEC_CRL_TYPE) -> SignedCRL\n\n"
                    + "The revocation list of the given type (SEC_CRL_TYPE or SEC_KRL_TYPE) that NSS finds\n"
                    + "in the database from cert's DER encoding (SEC_FindCrlByDERCert); NSPRError\n"
                    + "SEC_ERROR_CRL_NOT_FOUND when there is none.")
    public SignedCRL findCrlByCert(Certificate cert, int type) {
        long db = handle();
        long c = cert.acquireHandle();
        try {
            return SignedCRL.found(NssPkix.SEC_FindCrlByDERCert(db, c + Layout.CERT_DER_CERT, type));
        } finally {
            cert.releaseHandle();
        }
    }
}
