package org.jnss.pk11;

import org.jnss.natives.Nss3;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

/** A private key (SECKEYPrivateKey), holding one NSS reference; python-nss exposes no members. */
@Python.Type(doc = "An object representing a Private Key")
public class PrivateKey extends NativeResource {
    /** Adopts a SECKEYPrivateKey the caller owns. */
    public PrivateKey(long key) {
        super(key, Nss3::SECKEY_DestroyPrivateKey, true);
    }

    /** An empty key, as python-nss's PrivateKey() makes (nothing to use). */
    @Python("PrivateKey()")
    public PrivateKey() {
        super();
    }

    @Override
    protected NSPRError closedError() {
        return new NSPRError("PrivateKey object has been closed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }
}
