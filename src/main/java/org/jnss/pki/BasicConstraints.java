package org.jnss.pki;

import org.jnss.natives.Nss3;
import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.FormattedValue;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.nss.SecItem;

/**
 * The basic constraints extension (whether the subject is a CA, and how long
 * a chain below it may be), {@code nss.nss.BasicConstraints} in Python: made
 * with {@link #create BasicConstraints(value)} from the extension's value,
 * decoded by NSS (CERT_DecodeBasicConstraintValue). Immutable; nothing to close.
 */
public final class BasicConstraints extends FormattedValue {
    private final boolean isCa;
    private final int pathLen;

    private BasicConstraints(boolean isCa, int pathLen) {
        this.isCa = isCa;
        this.pathLen = pathLen;
    }

    /** Decodes the DER value of the extension; NSPRError when NSS cannot. */
    static BasicConstraints decode(byte[] value) {
        try (Scratch s = new Scratch()) {
            long bc = s.calloc(8);      // CERTBasicConstraints: isCA, pathLenConstraint
            if (Nss3.CERT_DecodeBasicConstraintValue(bc, s.item(value)) != 0)
                throw NSPRError.last("cannot decode Basic Constraints");
            return new BasicConstraints(Mem.getInt(bc, 0) != 0, Mem.getInt(bc, 4));
        }
    }

    /**
     * Decodes a basic constraints extension.
     *
     * @param value the extension's DER value, e.g.
     *        {@code cert.get_extension(SEC_OID_X509_BASIC_CONSTRAINTS).value}
     * @return the decoded extension
     * @throws NSPRError "cannot decode Basic Constraints" when NSS cannot decode
     *         it (e.g. SEC_ERROR_BAD_DER)
     */
    @Python("BasicConstraints(basic_constraints)")
    public static BasicConstraints create(SecItem value) {
        return decode(value.toByteArray());
    }

    /**
     * Whether the subject is a certification authority.
     *
     * @return the cA flag
     */
    @Python("is_ca")
    public boolean isCa() { return isCa; }

    /**
     * The most CA certificates that may follow this one in a chain.
     *
     * @return the path length constraint; -2 (CERT_UNLIMITED_PATH_CONSTRAINT)
     *         when a CA has none; 0 for a non-CA
     */
    @Python("path_len")
    public int getPathLen() { return pathLen; }

    /**
     * The extension's text: "Is CA" and "Path Length" lines.
     *
     * @param lines the lines to append to
     * @param level the indentation level
     */
    @Override
    public void lines(Lines lines, int level) {
        lines.pair(level, "Is CA", isCa);
        lines.pair(level, "Path Length", String.valueOf(pathLen));
    }

    /**
     * The extension on one line, e.g. "is_ca=True path_len=2".
     *
     * @return the text ({@code str} in Python)
     */
    @Override
    @Python("__str__()")
    public String str() {
        return BStr.text("is_ca=" + (isCa ? "True" : "False") + " path_len=" + pathLen);
    }
}
