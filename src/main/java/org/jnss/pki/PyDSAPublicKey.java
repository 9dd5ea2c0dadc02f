package org.jnss.pki;

import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/** The domain parameters and public value of a DSA public key (python-nss's PyDSAPublicKey). */
@Python.Type(doc = "An object representing a DSA Public Key")
public final class PyDSAPublicKey extends KeyNumbers {
    private static final String[] LABELS = {"Public Value"};
    private final KEYPQGParams pqgParams;

    PyDSAPublicKey(KEYPQGParams pqgParams, SecItem publicValue) {
        super(LABELS, publicValue);
        this.pqgParams = pqgParams;
    }

    @Python("pqg_params")
    public KEYPQGParams getPqgParams() { return pqgParams; }

    @Python("public_value")
    public SecItem getPublicValue() { return number(0); }

    /** The domain parameters' lines, then the public value's. */
    @Override
    public void lines(Lines out, int level) {
        pqgParams.lines(out, level);
        super.lines(out, level);
    }
}
