package org.jnss.pki;

import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.NssPki;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/** The authority key identifier extension, decoded by NSS (CERT_DecodeAuthKeyID) and copied. */
@Python.Type(doc = "An object representing Authentication Key ID extension")
public final class AuthKeyID extends Formatted {
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
            long akid = NssPki.CERT_DecodeAuthKeyID(s.arena(), s.item(value));
            if (akid == 0) throw NSPRError.last("cannot decode AuthKeyID");
            return new AuthKeyID(optional(akid + Layout.AKID_KEY_ID), optional(akid + Layout.AKID_SERIAL),
                    GeneralName.wrap(PkiFmt.generalNames(Mem.getPointer(akid, Layout.AKID_ISSUER))));
        }
    }

    private static byte[] optional(long item) {
        if (Scratch.itemLen(item) == 0 || Mem.getPointer(item, Layout.ITEM_DATA) == 0) return null;
        return Scratch.itemBytes(item);
    }

    @Python("AuthKeyID(auth_key_id)")
    public static AuthKeyID create(SecItem value) {
        return decode(value.toByteArray());
    }

    /** The key identifier as a SecItem, None when absent. */
    @Python("key_id")
    public SecItem getKeyId() {
        return keyId == null ? null : new SecItem(keyId, 0, SecItem.Kind.DER);
    }

    /** The authority certificate's serial number as an integer, None when absent. */
    @Python("serial_number")
    public Object getSerialNumber() {
        return serial == null ? null : Asn1Fmt.pyInt(Asn1Fmt.integer(serial));
    }

    private String serialStr() {
        return serial == null ? "None" : Asn1Fmt.integer(serial).toString();
    }

    @Python("get_general_names(repr_kind=AsString)")
    public Object[] getGeneralNames(int reprKind) {
        return GeneralName.tuple(issuer, reprKind);
    }

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

    /** "ID: <str(key_id)>, Serial Number: <n>, Issuer: [<names>]" */
    @Python("__repr__()")
    public byte[] repr() {
        List<String> names = new ArrayList<>();
        for (GeneralName g : issuer) names.add(g.decoded().value());
        String id = keyId == null ? "None" : strOf(getKeyId());
        return BStr.bytes("ID: " + id + ", Serial Number: " + serialStr() + ", Issuer: [" + String.join(", ", names) + "]");
    }
}
