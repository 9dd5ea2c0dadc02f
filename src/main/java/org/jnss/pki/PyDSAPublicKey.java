package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/** The domain parameters and public value of a DSA public key (python-nss's PyDSAPublicKey). */
@Python.Type(doc = "An object representing a DSA Public Key")
public final class PyDSAPublicKey extends Formatted {
    private final KEYPQGParams pqgParams;
    private final SecItem publicValue;

    PyDSAPublicKey(KEYPQGParams pqgParams, SecItem publicValue) {
        this.pqgParams = pqgParams;
        this.publicValue = publicValue;
    }

    @Python("pqg_params")
    public KEYPQGParams getPqgParams() { return pqgParams; }

    @Python("public_value")
    public SecItem getPublicValue() { return publicValue; }

    @Override
    public Lines lines(int level) {
        Lines lines = pqgParams.lines(level);
        lines.label(level, "Public Value");
        Asn1Fmt.integerLines(lines, level + 1, publicValue.getData());
        return lines;
    }
}
