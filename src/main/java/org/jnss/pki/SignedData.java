package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

/**
 * DER signed data (CERTSignedData), {@code nss.nss.SignedData} in Python: the
 * signed bytes, the signature algorithm and the signature, as a certificate
 * is made of. Obtained from {@link Certificate#getSignedData signed_data}.
 * Immutable copies on the Java heap; nothing to close.
 */
public final class SignedData extends FormattedValue {
    private final byte[] der;
    private final byte[] data;
    private final AlgorithmID algorithm;
    private final byte[] signature;

    private SignedData(byte[] der, byte[] data, AlgorithmID algorithm, byte[] signature) {
        this.der = der;
        this.data = data;
        this.algorithm = algorithm;
        this.signature = signature;
    }

    /**
     * Decodes DER signed data with NSS's template (CERT_SignedDataTemplate).
     *
     * @param der the DER encoding (e.g. a certificate's)
     * @return the decoded parts, copied
     * @throws NSPRError "cannot decode DER encoded signed data" when NSS cannot;
     *         SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    public static SignedData decode(byte[] der) {
        NssRuntime.requireInitialized();
        try (Scratch s = new Scratch()) {
            long sd = s.calloc(Layout.SD_SIZE);
            if (Nss3.SEC_ASN1DecodeItem(s.arena(), sd, Nss3.NSS_Get_CERT_SignedDataTemplate(0, 0), s.item(der)) != 0)
                throw NSPRError.last("cannot decode DER encoded signed data");
            long sig = sd + Layout.SD_SIGNATURE;
            long bits = Mem.getInt(sig, Layout.ITEM_LEN) & 0xffffffffL;       // a BIT STRING: the length in bits
            long p = Mem.getPointer(sig, Layout.ITEM_DATA);
            byte[] signature = p == 0 ? new byte[0] : Mem.read(p, 0, (int) ((bits + 7) >> 3));
            return new SignedData(der.clone(), Scratch.itemBytes(sd + Layout.SD_DATA),
                    AlgorithmID.fromNative(sd + Layout.SD_ALGORITHM), signature);
        }
    }

    /**
     * The whole signed structure, as decoded.
     *
     * @return a SecItem holding its DER
     */
    @Python("der")
    public SecItem getDer() { return new SecItem(der, 0, SecItem.Kind.DER); }

    /**
     * The signed part (for a certificate, its to-be-signed certificate).
     *
     * @return a SecItem holding its DER
     */
    @Python("data")
    public SecItem getData() { return new SecItem(data, 0, SecItem.Kind.DER); }

    /**
     * The algorithm the signature was made with.
     *
     * @return the algorithm identifier
     */
    @Python("algorithm")
    public AlgorithmID getAlgorithm() { return algorithm; }

    /**
     * The signature's octets (the BIT STRING's contents).
     *
     * @return a SecItem holding them
     */
    @Python("signature")
    public SecItem getSignature() { return new SecItem(signature, 0, SecItem.Kind.DER); }

    /**
     * The text: the signature algorithm, the signature in hex and the MD5 and
     * SHA1 fingerprints of the whole DER.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     * @throws NSPRError SEC_ERROR_NOT_INITIALIZED before NSS is initialized
     */
    @Override
    public Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        lines.label(level, "Signature Algorithm");
        lines.addAll(algorithm.lines(level + 1));
        lines.label(level, "Signature");
        lines.hex(level + 1, signature);
        PkiFmt.fingerprints(lines, level, der);
        return lines;
    }
}
