package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.Oids;
import org.jnss.asn1.DerFormat;
import org.jnss.asn1.Asn1Fmt;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.nss.NssConstants;

import java.util.ArrayList;
import java.util.List;

/**
 * A PKCS #10 certificate request (a CSR), {@code nss.nss.CertificateRequest}
 * in Python, made with {@link #create CertificateRequest(data)} and decoded by
 * NSS as python-nss does it: the signed data (CERT_SignedDataTemplate), the
 * request inside it (CERT_CertificateRequestTemplate), the signature checked
 * with the request's own public key, and the extensions of the first
 * extension request attribute. Everything is copied out of NSS at
 * construction; the DER is kept to render the public key. Immutable; nothing
 * to close.
 */
public final class CertificateRequest extends FormattedValue {
    // CERTCertificateRequest (136): arena 0, version 8, subject 32, subjectPublicKeyInfo 48, attributes 128
    static final int REQ_ARENA = 0, REQ_VERSION = 8, REQ_SUBJECT = 32, REQ_SPKI = 48, REQ_ATTRIBUTES = 128, REQ_SIZE = 136;
    // CERTAttribute (32): attrType 0, attrValue 24
    static final int ATTR_TYPE = 0, ATTR_VALUE = 24;

    /** The DER, or null for CertificateRequest() without data. */
    private final byte[] der;
    private final byte[] version;
    private final DN subject;
    private final List<CertificateExtension> extensions;

    private CertificateRequest(byte[] der, byte[] version, DN subject, List<CertificateExtension> extensions) {
        this.der = der;
        this.version = version;
        this.subject = subject;
        this.extensions = extensions;
    }

    /**
     * Decodes a DER certificate request and checks its signature with the
     * public key it carries.
     *
     * @param data the DER encoded request (a SecItem, str or any buffer; see
     *        read_der_from_file() for PEM files); null (None, the default) makes
     *        an empty request whose properties raise ValueError
     * @return the request
     * @throws NSPRError when NSS cannot decode it (e.g. SEC_ERROR_BAD_DER), its
     *         signature does not verify (e.g. SEC_ERROR_BAD_SIGNATURE), or its
     *         extension request attribute is malformed
     */
    @Python("CertificateRequest(data=None)")
    public static CertificateRequest create(byte[] data) {
        if (data == null) return new CertificateRequest(null, null, null, null);
        return Decoded.use(data, true, d -> new CertificateRequest(data.clone(),
                Scratch.itemBytes(d.req + REQ_VERSION), DN.fromNative(d.req + REQ_SUBJECT), d.extensions()));
    }

    /** A request decoded into a scratch arena, valid inside {@link #use}. */
    static final class Decoded {
        final long req;
        private final long attributes;

        private Decoded(long req) {
            this.req = req;
            this.attributes = Mem.getPointer(req, REQ_ATTRIBUTES);
        }

        /**
         * Decodes der, and verifies its signature when asked (the constructor does, once, as
         * python-nss does: a request's DER never changes, and a check at each property read
         * cost ~20 µs each, and failed with SEC_ERROR_BAD_SIGNATURE once NSS was shut down),
         * then applies f to the decoded request.
         */
        static <T> T use(byte[] der, boolean verify, java.util.function.Function<Decoded, T> f) {
            try (Scratch s = new Scratch()) {
                long arena = s.arena();
                long req = Nss3.PORT_ArenaZAlloc(arena, REQ_SIZE);
                long sd = Nss3.PORT_ArenaZAlloc(arena, Layout.SD_SIZE);
                if (req == 0 || sd == 0) throw NSPRError.last();
                Mem.setPointer(req, REQ_ARENA, arena);
                // the request is signed data: decode the envelope, then the request inside it
                if (Nss3.SEC_ASN1DecodeItem(arena, sd, Nss3.NSS_Get_CERT_SignedDataTemplate(0, 0), s.item(der)) != 0)
                    throw NSPRError.last();
                if (Nss3.SEC_ASN1DecodeItem(arena, req, Nss3.NSS_Get_CERT_CertificateRequestTemplate(0, 0),
                        sd + Layout.SD_DATA) != 0)
                    throw NSPRError.last();
                if (verify && Nss3.CERT_VerifySignedDataWithPublicKeyInfo(sd, req + REQ_SPKI, 0) != 0)
                    throw NSPRError.last();
                return f.apply(new Decoded(req));
            }
        }

        /** The CERTAttribute pointers. */
        List<Long> attributes() {
            return Scratch.pointerArray(attributes);
        }

        /**
         * The extensions of the first extension request attribute (none without
         * one), as python-nss reads them (not NSS's CERT_GetCertificateRequestExtensions,
         * which only looks at the first attribute).
         */
        List<CertificateExtension> extensions() {
            for (long attr : attributes()) {
                if (Oids.tagOf(Scratch.itemBytes(attr + ATTR_TYPE)) != NssConstants.SEC_OID_PKCS9_EXTENSION_REQUEST)
                    continue;
                long values = Mem.getPointer(attr, ATTR_VALUE);
                if (values == 0 || Mem.getPointer(values, 0) == 0)
                    throw new NSPRError("CERT_GetCertificateRequestExtensions failed", ErrorConstants.SEC_ERROR_INVALID_ARGS);
                List<CertificateExtension> exts = CertAttribute.decodeExtensions(values);
                if (exts == null) throw NSPRError.last("CERT_GetCertificateRequestExtensions failed");
                return exts;
            }
            return List.of();
        }
    }

    /** python-nss reads a request made without data through a NULL pointer; here it is a ValueError. */
    private void requireData() {
        if (der == null) throw new IllegalArgumentException("nss.nss.CertificateRequest is uninitialized");
    }

    /**
     * The subject the certificate is requested for.
     *
     * @return the subject's distinguished name
     * @throws IllegalArgumentException (ValueError) for an empty request
     */
    @Python("subject")
    public DN getSubject() {
        requireData();
        return subject;
    }

    /**
     * The request's version field as encoded (0 for PKCS #10 version 1).
     *
     * @return an Integer (a Long or BigInteger if it is that large)
     * @throws IllegalArgumentException (ValueError) for an empty request
     */
    @Python("version")
    public Object getVersion() {
        requireData();
        return Asn1Fmt.pyInt(version);
    }

    /**
     * The extensions requested for the certificate: those of the request's
     * first extension request attribute.
     *
     * @return CertificateExtension objects (a tuple in Python; empty when there are none)
     * @throws IllegalArgumentException (ValueError) for an empty request
     */
    @Python("extensions")
    public Object[] getExtensions() {
        requireData();
        return extensions.toArray();
    }

    /**
     * The request's attributes, decoded again from the DER on each access.
     *
     * @return CertAttribute objects (a tuple in Python; empty when there are none)
     * @throws IllegalArgumentException (ValueError) for an empty request
     * @throws IllegalStateException (SystemError) when an extension request
     *         attribute's value does not decode, as python-nss fails there
     */
    @Python("attributes")
    public Object[] getAttributes() {
        requireData();
        return Decoded.use(der, false, d -> {
            List<Object> out = new ArrayList<>();
            for (long attr : d.attributes()) out.add(CertAttribute.fromNative(attr));
            return out.toArray();
        });
    }

    /**
     * The public key the certificate is requested for, with its algorithm;
     * read from the DER on each access (as python-nss makes a new object each time).
     *
     * @return a new SubjectPublicKeyInfo
     * @throws IllegalArgumentException (ValueError) for an empty request
     * @throws NSPRError when NSS cannot extract the key
     */
    @Python("subject_public_key_info")
    public SubjectPublicKeyInfo getSubjectPublicKeyInfo() {
        return withSubjectPublicKeyInfo(SubjectPublicKeyInfo::fromNative);
    }

    /** Applies f to the request's CERTSubjectPublicKeyInfo, valid for the call. */
    <T> T withSubjectPublicKeyInfo(java.util.function.LongFunction<T> f) {
        requireData();
        return Decoded.use(der, false, d -> f.apply(d.req + REQ_SPKI));
    }

    /**
     * The request's text: version, subject, public key and attributes.
     *
     * @param level the indentation level (the outermost lines are one level in, as python-nss puts them)
     * @return the lines
     * @throws IllegalArgumentException (ValueError) for an empty request
     */
    @Override
    public Lines lines(int level) {
        requireData();
        Object[] attributes = getAttributes();
        Lines lines = new Lines();
        lines.label(level + 1, "Data");
        lines.pair(level + 2, "Version", Asn1Fmt.decHex(DerFormat.integer(version)));
        lines.pair(level + 2, "Subject", subject.render());
        lines.label(level + 2, "Subject Public Key Info");
        withSubjectPublicKeyInfo(spki -> {
            PkiFmt.subjectPublicKeyInfo(lines, level + 3, spki);
            return null;
        });
        lines.text(level + 1, "Attributes: (" + attributes.length + " total)");
        for (int i = 0; i < attributes.length; i++) {
            lines.text(level + 2, "Attribute [" + i + "]");
            lines.addAll(((CertAttribute) attributes[i]).lines(level + 3));
            lines.blank();
        }
        return lines;
    }
}
