package org.jnss.pkcs12;

import org.jnss.asn1.OidNames;
import org.jnss.asn1.BStr;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.core.UnicodeDecodeError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;
import org.jnss.pki.AlgorithmID;
import org.jnss.pki.Certificate;
import org.jnss.pki.SignedData;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One item ("bag") of a decoded PKCS #12 file, Python's
 * {@code nss.nss.PKCS12DecodeItem}: a certificate, or a private key (plain or
 * encrypted, "shrouded"), with its friendly name. Obtained by indexing a
 * {@link PKCS12Decoder} ({@code decoder[i]}) or from {@link PKCS12Decoder#items()}.
 *
 * <p>An immutable copy of what SEC_PKCS12DecoderIterateNext reported, and for
 * a certificate bag the certificate itself (in NSS's temporary store, as
 * python-nss makes it); it holds no native state of its own beyond that
 * certificate. {@code str()} and {@code format()} give a report of the bag.
 */
public final class PKCS12DecodeItem extends FormattedValue {
    /** What SEC_PKCS12DecoderIterateNext reported for the bag (friendlyName decoded, may end with NUL). */
    private record Bag(int type, boolean hasKey, byte[] signedCertDer, String friendlyName, AlgorithmID shroudAlgorithm,
                       Certificate certificate) {}

    private final Bag bag;

    private PKCS12DecodeItem(Bag bag) {
        this.bag = bag;
    }

    /**
     * Makes an empty item, as python-nss lets a script do from any one
     * argument: type SEC_OID_UNKNOWN, no key, None for every object property
     * (python-nss crashes reading those). Real items come from a {@link PKCS12Decoder}.
     *
     * @param arg ignored
     * @return the empty item
     */
    @Python("PKCS12DecodeItem(arg)")
    public static PKCS12DecodeItem create(Object arg) {
        return new PKCS12DecodeItem(new Bag(NssConstants.SEC_OID_UNKNOWN, false, null, null, null, null));
    }

    /** Copies the SEC_PKCS12DecoderItem at item (valid while its decoder context lives). */
    static PKCS12DecodeItem fromNative(long item) {
        int type = Mem.getInt(item, Layout.P12_ITEM_TYPE);
        boolean hasKey = Mem.getInt(item, Layout.P12_ITEM_HAS_KEY) != 0;
        long derItem = Mem.getPointer(item, Layout.P12_ITEM_DER);
        byte[] der = derItem == 0 ? null : Scratch.itemBytes(derItem);
        long fn = Mem.getPointer(item, Layout.P12_ITEM_FRIENDLY_NAME);
        String name = fn == 0 ? null : decodeUtf8(Scratch.itemBytes(fn));
        long alg = Mem.getPointer(item, Layout.P12_ITEM_SHROUD_ALG);
        AlgorithmID shroud = alg == 0 ? null : AlgorithmID.fromNative(alg);
        Certificate cert = null;
        if (type == NssConstants.SEC_OID_PKCS12_V1_CERT_BAG_ID && der != null)
            cert = Certificate.create(der, null, false, null);
        return new PKCS12DecodeItem(new Bag(type, hasKey, der, name, shroud, cert));
    }

    private static String decodeUtf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            int bad = 0;
            while (bad < b.length && (b[bad] & 0x80) == 0) bad++;
            throw new UnicodeDecodeError("utf8", b, bad, bad + 1, "invalid start byte");
        }
    }

    /**
     * What kind of bag this is; a read-only property ({@code type}) in Python.
     *
     * @return a SEC_OID_* tag: SEC_OID_PKCS12_V1_CERT_BAG_ID for a certificate,
     *         SEC_OID_PKCS12_V1_KEY_BAG_ID or SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID
     *         for a key, SEC_OID_UNKNOWN for an empty item
     */
    @Python("type")
    public int getType() { return bag.type(); }

    /**
     * Whether this is a certificate whose private key is in the file too; a
     * read-only bool property ({@code has_key}) in Python.
     *
     * @return true for a certificate with its key
     */
    @Python("has_key")
    public boolean getHasKey() { return bag.hasKey(); }

    /**
     * The DER of a certificate bag's signed certificate; a read-only property
     * ({@code signed_cert_der}) in Python.
     *
     * @return the DER, or null (None) for a bag that has none
     */
    @Python("signed_cert_der")
    public SecItem getSignedCertDer() {
        return bag.signedCertDer() == null ? null : new SecItem(bag.signedCertDer(), 0, SecItem.Kind.DER);
    }

    /**
     * A certificate bag's certificate; a read-only property ({@code certificate}) in Python.
     *
     * @return the certificate, or null (None) for a key bag or an empty item
     */
    @Python("certificate")
    public Certificate getCertificate() { return bag.certificate(); }

    /**
     * The bag's friendly name (the nickname the file gives the certificate or
     * key); a read-only property ({@code friendly_name}) in Python, a unicode
     * there. It may end with the NUL character the file stores.
     *
     * @return the name, or null (None) when the bag has none
     */
    @Python(value = "friendly_name", unicode = true)
    public String getFriendlyName() { return bag.friendlyName(); }

    /**
     * The algorithm that encrypts ("shrouds") a key bag's private key; a
     * read-only property ({@code shroud_algorithm_id}) in Python.
     *
     * @return the algorithm identifier, or null (None) when the bag has none
     */
    @Python("shroud_algorithm_id")
    public AlgorithmID getShroudAlgorithmId() { return bag.shroudAlgorithm(); }

    private String friendlyNameText() {
        return bag.friendlyName() == null ? "None" : BStr.utf8(bag.friendlyName());
    }

    private String shroudText() {
        return bag.shroudAlgorithm() == null ? "None" : BStr.ofText(bag.shroudAlgorithm().str());
    }

    /**
     * Appends the bag's report, for {@code format_lines()}, {@code format()}
     * and {@code str()}: its type, then for a certificate the certificate, its
     * signature, friendly name and encryption algorithm, for a key its friendly
     * name and encryption algorithm.
     *
     * @param lines where the lines go
     * @param level the indentation level of the lines
     */
    @Override
    public void lines(Lines lines, int level) {
        lines.pair(level, "Type", bag.type() == NssConstants.SEC_OID_UNKNOWN ? "SEC_OID_UNKNOWN" : OidNames.oidTagName(bag.type()));
        switch (bag.type()) {
            case NssConstants.SEC_OID_PKCS12_V1_CERT_BAG_ID -> {
                lines.label(level, bag.hasKey() ? "Certificate (has private key)" : "Certificate");
                lines.text(level + 1, bag.certificate() == null ? "None" : BStr.ofText(bag.certificate().str()));
                lines.pair(level, "Signature", bag.signedCertDer() == null ? "None" : BStr.ofText(SignedData.decode(bag.signedCertDer()).str()));
                lines.pair(level, "Friendly Name", friendlyNameText());
                lines.pair(level, "Encryption algorithm", shroudText());
            }
            case NssConstants.SEC_OID_PKCS12_V1_KEY_BAG_ID, NssConstants.SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID -> {
                lines.label(level, bag.type() == NssConstants.SEC_OID_PKCS12_V1_PKCS8_SHROUDED_KEY_BAG_ID ? "Key (shrouded)" : "Key");
                lines.pair(level, "Friendly Name", friendlyNameText());
                lines.pair(level, "Encryption algorithm", shroudText());
            }
            default -> lines.label(level, "unknown bag type");
        }
    }
}
