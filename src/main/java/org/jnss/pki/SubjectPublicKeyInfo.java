package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.natives.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A subject public key info, {@code nss.nss.SubjectPublicKeyInfo} in Python:
 * the key's algorithm and the public key, copied to the Java heap when read
 * from a certificate or a certificate request (the text as PkiFmt renders it
 * for the certificate, made once at level 0 and shifted on demand).
 * Immutable; nothing to close.
 */
public final class SubjectPublicKeyInfo extends FormattedValue {
    private final AlgorithmID algorithm;
    private final PublicKey publicKey;
    private final List<Object[]> lines0;

    private SubjectPublicKeyInfo(AlgorithmID algorithm, PublicKey publicKey, List<Object[]> lines0) {
        this.algorithm = algorithm;
        this.publicKey = publicKey;
        this.lines0 = lines0;
    }

    /** Reads a native CERTSubjectPublicKeyInfo (its owner must stay acquired during the call). */
    static SubjectPublicKeyInfo fromNative(long spki) {
        Lines lines = new Lines();
        PkiFmt.subjectPublicKeyInfo(lines, 0, spki);
        return new SubjectPublicKeyInfo(AlgorithmID.fromNative(spki + Layout.SPKI_ALGORITHM),
                PublicKey.fromSpki(spki), lines.list);
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
        for (Object[] l : lines0) {
            Object[] t = l.clone();
            t[0] = (Integer) t[0] + level;
            lines.list.add(t);
        }
        return lines;
    }
}
