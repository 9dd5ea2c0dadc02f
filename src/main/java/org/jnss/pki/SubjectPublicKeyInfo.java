package org.jnss.pki;

import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.core.Python;
import org.jnss.natives.Layout;

import java.util.ArrayList;
import java.util.List;

/**
 * A certificate's subject public key info: the key's algorithm and the key,
 * copied to the Java heap when read (the text as PkiFmt renders it for the
 * certificate, made once at level 0 and shifted on demand).
 */
@Python.Type(doc = "An object representing a Subject Public Key")
public final class SubjectPublicKeyInfo extends Formatted {
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

    @Python("algorithm")
    public AlgorithmID getAlgorithm() { return algorithm; }

    @Python("public_key")
    public PublicKey getPublicKey() { return publicKey; }

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
