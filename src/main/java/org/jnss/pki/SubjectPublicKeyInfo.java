package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.natives.Layout;

import java.util.List;


/**
 * A subject public key info, {@code nss.nss.SubjectPublicKeyInfo} in Python:
 * the key's algorithm and the public key, copied to the Java heap when read
 * from a certificate or a certificate request. The algorithm's lines are
 * made at once (they need NSS's OID table, so the text stays the same after
 * NSS is shut down, as under python-nss); the key's lines, the costly part
 * (a modulus in hex), only when the text is asked for. Immutable; nothing to
 * close.
 */
public final class SubjectPublicKeyInfo extends FormattedValue {
    private final AlgorithmID algorithm;
    private final PublicKey publicKey;
    /** the algorithm's lines at level 0 */
    private final List<Object[]> algorithmLines0;

    private SubjectPublicKeyInfo(AlgorithmID algorithm, PublicKey publicKey, List<Object[]> algorithmLines0) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.algorithmLines0 = algorithmLines0;
    }

    /** Reads a native CERTSubjectPublicKeyInfo (its owner must stay acquired during the call). */
    static SubjectPublicKeyInfo fromNative(long spki) {
        Lines alg = new Lines();
        PkiFmt.algorithm(alg, 0, spki + Layout.SPKI_ALGORITHM);
        return new SubjectPublicKeyInfo(AlgorithmID.fromNative(spki + Layout.SPKI_ALGORITHM), PublicKey.fromSpki(spki),
                alg.list);
    }

    /**
     * The key's algorithm, e.g. PKCS #1 RSA Encryption.
     *
     * @return the algorithm identifier
     */
    @Python("algorithm")
    public AlgorithmID getAlgorithm() { return algorithm; }

    /**
     * The public key.
     *
     * @return the key (a copy holding nothing native)
     */
    @Python("public_key")
    public PublicKey getPublicKey() { return publicKey; }

    /**
     * The text: "Public Key Algorithm" with the algorithm, then the key.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.label(level, "Public Key Algorithm");
        for (Object[] l : algorithmLines0) {
            Object[] t = l.clone();
            t[0] = (Integer) t[0] + level + 1;
            lines.list.add(t);
        }
        lines.addAll(publicKey.lines(level));
        return lines;
    }
}
