package org.jnss.pki;

import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/** The numbers of an RSA public key (python-nss's RSAPublicKey, named PyRSAPublicKey in its module). */
@Python.Type(doc = "An object representing an RSA Public Key")
public final class PyRSAPublicKey extends KeyNumbers {
    private static final String[] LABELS = {"Modulus", "Exponent"};

    PyRSAPublicKey(SecItem modulus, SecItem exponent) {
        super(LABELS, modulus, exponent);
    }

    @Python("modulus")
    public SecItem getModulus() { return number(0); }

    @Python("exponent")
    public SecItem getExponent() { return number(1); }
}
