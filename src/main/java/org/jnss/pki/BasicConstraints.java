package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.Formatted;
import org.jnss.asn1.Lines;
import org.jnss.asn1.Scratch;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.NssPki;
import org.jnss.nss.SecItem;

/** The basic constraints extension, decoded by NSS (CERT_DecodeBasicConstraintValue). */
@Python.Type(doc = "An object representing X509 Basic Constraints Extension")
public final class BasicConstraints extends Formatted {
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
            if (NssPki.CERT_DecodeBasicConstraintValue(bc, s.item(value)) != 0)
                throw NSPRError.last("cannot decode Basic Constraints");
            return new BasicConstraints(Mem.getInt(bc, 0) != 0, Mem.getInt(bc, 4));
        }
    }

    @Python("BasicConstraints(basic_constraints)")
    public static BasicConstraints create(SecItem value) {
        return decode(value.toByteArray());
    }

    @Python("is_ca")
    public boolean isCa() { return isCa; }

    /** The path length constraint; -2 (CERT_UNLIMITED_PATH_CONSTRAINT) when a CA has none. */
    @Python("path_len")
    public int getPathLen() { return pathLen; }

    @Override
    public void lines(Lines lines, int level) {
        lines.pair(level, "Is CA", isCa);
        lines.pair(level, "Path Length", String.valueOf(pathLen));
    }

    @Override
    @Python("__str__()")
    public byte[] str() {
        return BStr.bytes("is_ca=" + (isCa ? "True" : "False") + " path_len=" + pathLen);
    }
}
