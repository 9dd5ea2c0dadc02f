package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.Oids;
import org.jnss.asn1.BStr;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/**
 * An attribute of a certificate request (CERTAttribute),
 * {@code nss.nss.CertAttribute} in Python: a type OID and a set of values.
 * As in NSS (and python-nss) the values of an extension request attribute
 * are the CertificateExtensions it carries; any other attribute's values are
 * its DER encoded values, as SecItems. Obtained from
 * {@link CertificateRequest#getAttributes attributes}; a sequence of its
 * values (len() and indexing). Immutable copies; nothing to close.
 */
public final class CertAttribute extends FormattedValue {
    private final byte[] type;
    /** the DER values (not an extension request) */
    private final List<byte[]> values;
    /** the decoded extensions (an extension request), else null */
    private final List<CertificateExtension> extensions;

    private CertAttribute(byte[] type, List<byte[]> values, List<CertificateExtension> extensions) {
        this.type = type;
        this.values = values;
        this.extensions = extensions;
    }

    /**
     * An empty attribute (no type, no values), as python-nss's
     * CertAttribute(arg) makes one whatever arg is.
     *
     * @param arg ignored (python-nss requires one argument)
     * @return the empty attribute
     */
    @Python("CertAttribute(arg)")
    public static CertAttribute create(Object arg) {
        return new CertAttribute(new byte[0], List.of(), null);
    }

    /**
     * The CERTAttribute at attr, copied. An extension request's values are
     * decoded as a sequence of extensions from its first value; if that fails
     * python-nss returns NULL without an exception (a SystemError).
     */
    static CertAttribute fromNative(long attr) {
        byte[] type = Scratch.itemBytes(attr + CertificateRequest.ATTR_TYPE);
        long valueArray = Mem.getPointer(attr, CertificateRequest.ATTR_VALUE);
        if (Oids.tagOf(type) != NssConstants.SEC_OID_PKCS9_EXTENSION_REQUEST) {
            List<byte[]> values = new ArrayList<>();
            for (long v : Scratch.pointerArray(valueArray)) values.add(Scratch.itemBytes(v));
            return new CertAttribute(type, values, null);
        }
        List<CertificateExtension> exts = decodeExtensions(valueArray);
        if (exts == null) throw DerFormat.noResult();
        return new CertAttribute(type, List.of(), exts);
    }

    /**
     * The extensions in the first value of an extension request attribute
     * (a SEQUENCE OF Extension), or null when there is no value or it does not
     * decode (python-nss reads through a missing first value; here it fails).
     */
    static List<CertificateExtension> decodeExtensions(long valueArray) {
        if (valueArray == 0) return null;
        long first = Mem.getPointer(valueArray, 0);
        if (first == 0) return null;
        try (Scratch s = new Scratch()) {
            long cell = s.calloc(Mem.POINTER_SIZE);
            if (Nss3.SEC_ASN1DecodeItem(s.arena(), cell, Nss3.NSS_Get_CERT_SequenceOfCertExtensionTemplate(0, 0),
                    first) != 0)
                return null;
            List<CertificateExtension> out = new ArrayList<>();
            for (long ext : Scratch.pointerArray(Mem.getPointer(cell, 0))) out.add(CertificateExtension.fromNative(ext));
            return out;
        }
    }

    boolean isExtensionRequest() {
        return extensions != null;
    }

    List<CertificateExtension> extensions() {
        return extensions;
    }

    /**
     * The attribute's type, e.g. PKCS #9 extension request.
     *
     * @return a SecItem holding the OID's contents
     */
    @Python("type_oid")
    public SecItem getTypeOid() {
        return new SecItem(type, 0, SecItem.Kind.DER);
    }

    /**
     * The attribute type's SEC_OID_* tag, e.g. SEC_OID_PKCS9_EXTENSION_REQUEST.
     *
     * @return the tag; SEC_OID_UNKNOWN (0) when NSS does not know the OID
     */
    @Python("type_tag")
    public int getTypeTag() {
        return Oids.tagOf(type);
    }

    /**
     * The attribute type's description, e.g. "PKCS #9 Extension Request".
     *
     * @return the text ({@code str} in Python)
     */
    @Python("type_str")
    public String getTypeStr() {
        return BStr.text(Oids.describe(type));
    }

    private int count() {
        return extensions != null ? extensions.size() : values.size();
    }

    private Object value(int i) {
        return extensions != null ? extensions.get(i) : new SecItem(values.get(i), 0, SecItem.Kind.DER);
    }

    /**
     * The attribute's values.
     *
     * @return CertificateExtension objects for an extension request, else
     *         SecItems holding each value's DER (a tuple in Python)
     */
    @Python("values")
    public Object[] getValues() {
        Object[] out = new Object[count()];
        for (int i = 0; i < out.length; i++) out[i] = value(i);
        return out;
    }

    /**
     * The number of values.
     *
     * @return the count
     */
    @Python("__len__()")
    public int length() {
        return count();
    }

    /**
     * The value at a position, as {@link #getValues() values} holds it.
     *
     * @param i the position, from 0 (Python counts a negative index from the end;
     *        another type is a TypeError)
     * @return a CertificateExtension or a SecItem
     * @throws IndexOutOfBoundsException (IndexError) "CertAttribute index out of range"
     */
    @Python("__getitem__(index)")
    public Object getItem(@Python.Index long i) {
        if (i < 0 || i >= count()) throw new IndexOutOfBoundsException("CertAttribute index out of range");
        return value((int) i);
    }

    /**
     * The attribute's text: its type, then each value (an extension decoded,
     * another value rendered from its DER).
     *
     * @param level the indentation level of the outermost lines
     * @return the lines
     */
    @Override
    public Lines lines(int level) {
        Lines lines = new Lines();
        lines.pair(level, "Type", Oids.describe(type));
        lines.text(level, "Values (" + count() + " total)");
        for (int i = 0; i < count(); i++) {
            lines.text(level + 1, "Value [" + i + "]");
            if (extensions != null) lines.addAll(extensions.get(i).lines(level + 2));
            else lines.text(level + 2, DerFormat.any(values.get(i)));
        }
        return lines;
    }
}
