package org.jnss.pki;

import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/**
 * The numbers of an RSA public key, {@code nss.nss.PyRSAPublicKey} in Python
 * (python-nss's RSAPublicKey, named so in its module); obtained from
 * {@link PublicKey#getRsa PublicKey.rsa}. Immutable; nothing to close.
 */
public final class PyRSAPublicKey extends KeyNumbers {
    private static final String[] LABELS = {"Modulus", "Exponent"};

    PyRSAPublicKey(SecItem modulus, SecItem exponent) {
        super(LABELS, modulus, exponent);
    }

    /**
     * The modulus n.
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("modulus")
    public SecItem getModulus() { return number(0); }

    /**
     * The public exponent e (usually 65537).
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("exponent")
    public SecItem getExponent() { return number(1); }
}
