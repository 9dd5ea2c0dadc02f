package org.jnss.pki;

import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/**
 * The domain parameters and public value of a DSA public key,
 * {@code nss.nss.PyDSAPublicKey} in Python, as python-nss names it; obtained
 * from {@link PublicKey#getDsa PublicKey.dsa}. Immutable; nothing to close.
 */
public final class PyDSAPublicKey extends KeyNumbers {
    private static final String[] LABELS = {"Public Value"};
    private final KEYPQGParams pqgParams;

    PyDSAPublicKey(KEYPQGParams pqgParams, SecItem publicValue) {
        super(LABELS, publicValue);
        this.pqgParams = pqgParams;
    }

    /**
     * The key's domain parameters.
     *
     * @return the prime, subprime and base
     */
    @Python("pqg_params")
    public KEYPQGParams getPqgParams() { return pqgParams; }

    /**
     * The public value y (g to the power of the private key, mod p).
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("public_value")
    public SecItem getPublicValue() { return number(0); }

    /**
     * The domain parameters' lines, then the public value's.
     *
     * @param out the lines to append to
     * @param level the indentation level of the labels
     */
    @Override
    public void lines(Lines out, int level) {
        pqgParams.lines(out, level);
        super.lines(out, level);
    }
}
