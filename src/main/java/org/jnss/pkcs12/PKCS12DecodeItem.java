package org.jnss.pkcs12;

import org.jnss.asn1.OidNames;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.core.UnicodeDecodeError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.Nss;
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
 * One bag of a decoded PKCS#12 file (python-nss's PKCS12DecodeItem): a copy of
 * what SEC_PKCS12DecoderIterateNext reported, and for a certificate bag the
 * certificate itself (in NSS's temporary store, as python-nss makes it).
 */
@Python.Type(doc = "An object representing an item in a PKCS12 collection.\nAlso known as a \"bag\"")
public final class PKCS12DecodeItem extends FormattedValue {
    /** What SEC_PKCS12DecoderIterateNext reported for the bag (friendlyName decoded, may end with NUL). */
    private record Bag(int type, boolean hasKey, byte[] signedCertDer, String friendlyName, AlgorithmID shroudAlgorithm,
                       Certificate certificate) {}

    private final Bag bag;

    private PKCS12DecodeItem(Bag bag) {
        this.bag = bag;
    }

    /**
     * python-nss lets a script make an item from any one argument: it is empty
     * (type SEC_OID_UNKNOWN, no key, None for every object property; python-nss
     * crashes reading those).
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
            cert = Certificate.create(der, null, Boolean.FALSE, null);
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

    @Python(value = "type", doc = "SEC OID tag indicating what type of PKCS12 item this is")
    public int getType() { return bag.type(); }

    @Python(value = "has_key", doc = "boolean indicating if this is a cert with a private key")
    public boolean getHasKey() { return bag.hasKey(); }

    @Python(value = "signed_cert_der", doc = "signed certificate DER data as SecItem object, or None if does not exist")
    public SecItem getSignedCertDer() {
        return bag.signedCertDer() == null ? null : new SecItem(bag.signedCertDer(), 0, SecItem.Kind.DER);
    }

    @Python(value = "certificate", doc = "certificate as Certificate object, or None if does not exist")
    public Certificate getCertificate() { return bag.certificate(); }

    @Python(value = "friendly_name", unicode = true, doc = "friendly_name as unicode object, or None if does not exist")
    public String getFriendlyName() { return bag.friendlyName(); }

    @Python(value = "shroud_algorithm_id", doc = "shroud algorithm id certificate as AlgorithmID object, or None if does not exist")
    public AlgorithmID getShroudAlgorithmId() { return bag.shroudAlgorithm(); }

    private String friendlyNameText() {
        return bag.friendlyName() == null ? "None" : BStr.utf8(bag.friendlyName());
    }

    private String shroudText() {
        return bag.shroudAlgorithm() == null ? "None" : BStr.of(bag.shroudAlgorithm().str());
    }

    @Override
    public void lines(Lines lines, int level) {
        lines.pair(level, "Type", bag.type() == NssConstants.SEC_OID_UNKNOWN ? "SEC_OID_UNKNOWN" : OidNames.oidTagName(bag.type()));
        switch (bag.type()) {
            case NssConstants.SEC_OID_PKCS12_V1_CERT_BAG_ID -> {
                lines.label(level, bag.hasKey() ? "Certificate (has private key)" : "Certificate");
                lines.text(level + 1, bag.certificate() == null ? "None" : BStr.of(bag.certificate().str()));
                lines.pair(level, "Signature", bag.signedCertDer() == null ? "None" : BStr.of(SignedData.decode(bag.signedCertDer()).str()));
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
