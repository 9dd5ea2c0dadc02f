package org.jnss.nss;

import org.jnss.core.Py;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.NssPki;

/**
 * A certificate database handle (CERTCertDBHandle). python-nss hands out only
 * the default one, which NSS owns: nothing is released here. The handle of a
 * shut down NSS is never used (NSPRError instead of a dangling pointer).
 */
@Py.Type(doc = "An object representing a Certificate Database")
public final class CertDB {
    private final long handle;

    CertDB(long handle) {
        this.handle = handle;
    }

    /** The default certificate database, or null when NSS is not initialized. */
    static CertDB getDefault() {
        if (!NssRuntime.isInitialized()) return null;
        long h = NssPki.CERT_GetDefaultCertDB();
        return h == 0 ? null : new CertDB(h);
    }

    /** The handle, checked to still be NSS's current one. */
    long handle() {
        NssRuntime.requireInitialized();
        if (NssPki.CERT_GetDefaultCertDB() != handle)
            throw new NSPRError("the certificate database belongs to an NSS instance that has been shut down",
                    ErrorConstants.SEC_ERROR_BAD_DATABASE);
        return handle;
    }
}
