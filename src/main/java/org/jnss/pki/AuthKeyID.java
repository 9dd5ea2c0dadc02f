package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The authority key identifier extension (which key of the issuer signed the
 * certificate), {@code nss.nss.AuthKeyID} in Python: made with
 * {@link #create AuthKeyID(value)} from the extension's value, decoded by NSS
 * (CERT_DecodeAuthKeyID) and copied to the Java heap. Immutable; nothing to
 * close.
 */
public final class AuthKeyID extends FormattedValue {
    /** null where the extension has none (python-nss: empty or no data) */
    private final byte[] keyId;
    private final byte[] serial;
    private final List<GeneralName> issuer;

    private AuthKeyID(byte[] keyId, byte[] serial, List<GeneralName> issuer) {
        this.keyId = keyId;
        this.serial = serial;
        this.issuer = issuer;
    }

    static AuthKeyID decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long akid = Nss3.CERT_DecodeAuthKeyID(s.arena(), s.item(value));
            if (akid == 0) throw NSPRError.last("cannot decode AuthKeyID");
            return new AuthKeyID(optional(akid + Layout.AKID_KEY_ID), optional(akid + Layout.AKID_SERIAL),
                    GeneralName.wrap(PkiFmt.generalNames(Mem.getPointer(akid, Layout.AKID_ISSUER))));
        }
    }

    private static byte[] optional(long item) {
        if (Scratch.itemLen(item) == 0 || Mem.getPointer(item, Layout.ITEM_DATA) == 0) return null;
        return Scratch.itemBytes(item);
    }

    /**
     * Decodes an authority key identifier extension.
     *
     * @param value the extension's DER value, e.g.
     *        {@code cert.get_extension(SEC_OID_X509_AUTH_KEY_ID).value}
     * @return the decoded extension
     * @throws NSPRError "cannot decode AuthKeyID" when NSS cannot decode it
     *         (e.g. SEC_ERROR_BAD_DER)
     */
    @Python("AuthKeyID(auth_key_id)")
    public static AuthKeyID create(SecItem value) {
        return decode(value.toByteArray());
    }

    /**
     * The identifier of the issuer's key (usually the SHA-1 of the key, as
     * the issuer's subject key identifier has it).
     *
     * @return a SecItem of the identifier, or null (None) when the extension has none
     */
    @Python("key_id")
    public SecItem getKeyId() {
        return keyId == null ? null : new SecItem(keyId, 0, SecItem.Kind.DER);
    }

    /**
     * The serial number of the issuer's certificate, when the extension
     * names that certificate by issuer and serial number.
     *
     * @return an Integer, Long or BigInteger (int or long in Python), or null
     *         (None) when absent
     */
    @Python("serial_number")
    public Object getSerialNumber() {
        return serial == null ? null : Asn1Fmt.pyInt(serial);
    }

    private String serialStr() {
        return serial == null ? "None" : DerFormat.integer(serial).toString();
    }

    /**
     * The general names of the issuer's issuer, when the extension names the
     * issuer's certificate by issuer and serial number.
     *
     * @param reprKind AsString (the names, the default), AsObject (GeneralName
     *        objects), AsTypeString ("URI"), AsTypeEnum (certURI, ...) or
     *        AsLabeledString ("URI: http://...")
     * @return the names (a tuple in Python; empty when the extension has none)
     * @throws IllegalArgumentException (ValueError) for another representation
     *         kind (only checked when there is a name)
     */
    @Python("get_general_names(repr_kind=AsString)")
    public Object[] getGeneralNames(int reprKind) {
        return GeneralName.tuple(issuer, reprKind);
    }

    /**
     * The extension's text: the key id in hex, the serial number and the
     * general names.
     *
     * @param lines the lines to append to
     * @param level the indentation level of the outermost lines
     * @throws ArgumentError (TypeError) when the extension has no key id, as
     *         python-nss fails there
     */
    @Override
    public void lines(Lines lines, int level) {
        Lines out = new Lines();
        out.label(level, "Key ID");
        // python-nss formats the key id as hex lines even when it is None, which fails
        if (keyId == null) throw new ArgumentError("expected a readable buffer object");
        out.hex(level + 1, keyId);
        out.pair(level, "Serial Number", serialStr());
        out.text(level, "General Names: [" + issuer.size() + " total]");
        for (GeneralName g : issuer) out.text(level + 1, g.decoded().value());
        lines.addAll(out);
    }


    /** Python's str() of a SecItem (python-nss renders the key id as DER), which must be a string. */
    private static String strOf(SecItem item) {
        Object s = item.str();
        if (s instanceof byte[] b) return BStr.of(b);
        if (s instanceof String str) return BStr.utf8(str);
        throw new ArgumentError("__str__ returned non-string (type " + (s == null ? "NoneType" : s instanceof List ? "list" : "tuple") + ")");
    }

    /**
     * The extension on one line: {@code "ID: <str(key_id)>, Serial Number: <n>, Issuer: [<names>]"},
     * None for the absent parts.
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__repr__()")
    public String repr() {
        List<String> names = new ArrayList<>();
        for (GeneralName g : issuer) names.add(g.decoded().value());
        String id = keyId == null ? "None" : strOf(getKeyId());
        return BStr.text("ID: " + id + ", Serial Number: " + serialStr() + ", Issuer: [" + String.join(", ", names) + "]");
    }
}
