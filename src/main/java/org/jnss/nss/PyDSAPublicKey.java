package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/** The domain parameters and public value of a DSA public key (python-nss's PyDSAPublicKey). */
@Py.Type(doc = "An object representing a DSA Public Key")
public final class PyDSAPublicKey {
    private final KEYPQGParams pqgParams;
    private final SecItem publicValue;

    PyDSAPublicKey(KEYPQGParams pqgParams, SecItem publicValue) {
        this.pqgParams = pqgParams;
        this.publicValue = publicValue;
    }

    @Py("pqg_params")
    public KEYPQGParams getPqgParams() { return pqgParams; }

    @Py("public_value")
    public SecItem getPublicValue() { return publicValue; }

    Lines lines(int level) {
        Lines lines = pqgParams.lines(level);
        lines.label(level, "Public Value");
        Asn1Fmt.integerLines(lines, level + 1, publicValue.getData());
        return lines;
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) { return lines(level).toPython(); }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) { return BStr.bytes(lines(level).indented(indentLen)); }

    @Py("__str__()")
    public byte[] str() { return format(0, 4); }
}
