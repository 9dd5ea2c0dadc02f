package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/** The numbers of an RSA public key (python-nss's RSAPublicKey, named PyRSAPublicKey in its module). */
@Python.Type(doc = "An object representing an RSA Public Key")
public final class PyRSAPublicKey extends Formatted {
    private final SecItem modulus;
    private final SecItem exponent;

    PyRSAPublicKey(SecItem modulus, SecItem exponent) {
        this.modulus = modulus;
        this.exponent = exponent;
    }

    @Python("modulus")
    public SecItem getModulus() { return modulus; }

    @Python("exponent")
    public SecItem getExponent() { return exponent; }

    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.label(level, "Modulus");
        Asn1Fmt.integerLines(lines, level + 1, modulus.getData());
        lines.label(level, "Exponent");
        Asn1Fmt.integerLines(lines, level + 1, exponent.getData());
        return lines;
    }
}
