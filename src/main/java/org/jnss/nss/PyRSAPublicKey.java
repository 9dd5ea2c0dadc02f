package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/** The numbers of an RSA public key (python-nss's RSAPublicKey, named PyRSAPublicKey in its module). */
@Py.Type(doc = "An object representing an RSA Public Key")
public final class PyRSAPublicKey {
    private final SecItem modulus;
    private final SecItem exponent;

    PyRSAPublicKey(SecItem modulus, SecItem exponent) {
        this.modulus = modulus;
        this.exponent = exponent;
    }

    @Py("modulus")
    public SecItem getModulus() { return modulus; }

    @Py("exponent")
    public SecItem getExponent() { return exponent; }

    Lines lines(int level) {
        Lines lines = new Lines();
        lines.label(level, "Modulus");
        Asn1Fmt.integerLines(lines, level + 1, modulus.getData());
        lines.label(level, "Exponent");
        Asn1Fmt.integerLines(lines, level + 1, exponent.getData());
        return lines;
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) { return lines(level).toPython(); }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) { return BStr.bytes(lines(level).indented(indentLen)); }

    @Py("__str__()")
    public byte[] str() { return format(0, 4); }
}
