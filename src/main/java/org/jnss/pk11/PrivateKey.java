package org.jnss.pk11;

import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.NssPki;

/** A private key (SECKEYPrivateKey), holding one NSS reference; python-nss exposes no members. */
@Python.Type(doc = "An object representing a Private Key")
public class PrivateKey extends NativeResource {
    /** Adopts a SECKEYPrivateKey the caller owns. */
    public PrivateKey(long key) {
        super(key, NssPki::SECKEY_DestroyPrivateKey, true);
    }

    /** An empty key, as python-nss's PrivateKey() makes (nothing to use). */
    @Python("PrivateKey()")
    public PrivateKey() {
        super();
    }

    /** The SECKEYPrivateKey, held until {@link #releaseHandle()} (for nss.ssl). */
    public long acquireHandle() { return acquire(); }

    public void releaseHandle() { release(); }

    @Override
    protected NSPRError closedError() {
        return new NSPRError("PrivateKey object has been closed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }
}
