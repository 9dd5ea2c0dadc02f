package org.jnss.pk11;

import org.jnss.natives.Nss3;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

/**
 * A private key (NSS's SECKEYPrivateKey), Python's {@code nss.nss.PrivateKey}:
 * it stays in its token and has no members of its own (python-nss exposes
 * none); it is handed to functions that sign, decrypt or authenticate, such as
 * an SSL server's configuration. Obtained from {@link PK11Slot#generateKeyPair}
 * or by looking up a certificate's key ({@code find_key_by_any_cert()}).
 *
 * <p>Holds one NSS reference: {@link #close()} (or try-with-resources)
 * releases it at once; a dropped key is released once the collector finds it
 * unreachable. A live key keeps NSS from shutting down.
 */
public class PrivateKey extends NativeResource {
    /**
     * Adopts a SECKEYPrivateKey* the caller owns; it is destroyed with this object.
     *
     * @param key the native key (not 0)
     * @throws IllegalArgumentException when {@code key} is 0
     */
    PrivateKey(long key) {
        super(key, Nss3::SECKEY_DestroyPrivateKey, true);
        weigh(HEAVY_WEIGHT);
    }

    /**
     * Adopts a SECKEYPrivateKey* the caller owns, for the library's own
     * packages (keys NSS finds for a certificate). Not for application code: a
     * wrong or shared pointer is freed twice.
     *
     * @param key the native key (not 0)
     * @return the key, owning the pointer
     * @throws IllegalArgumentException when {@code key} is 0
     */
    public static PrivateKey adopt(long key) {
        return new PrivateKey(key);
    }

    /**
     * An empty key, as python-nss's {@code PrivateKey()} makes: there is
     * nothing to use, so handing it to a function raises NSPRError
     * SEC_ERROR_INVALID_ARGS ("PrivateKey object has been closed").
     */
    @Python("PrivateKey()")
    public PrivateKey() {
        super();
    }

    @Override
    protected NSPRError closedError() {
        return new NSPRError("PrivateKey object has been closed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
    }
}
