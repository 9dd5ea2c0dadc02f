package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/** DSA domain parameters: prime, subprime and base (python-nss's KEYPQGParams), as read from a DSA key. */
@Py.Type(doc = "An object representing DSA key parameters\n"
        + "    - prime (also known as p)\n"
        + "    - subprime (also known as q)\n"
        + "    - base (also known as g)\n")
public final class KEYPQGParams {
    private final SecItem prime;
    private final SecItem subprime;
    private final SecItem base;

    KEYPQGParams(SecItem prime, SecItem subprime, SecItem base) {
        this.prime = prime;
        this.subprime = subprime;
        this.base = base;
    }

    @Py("prime")
    public SecItem getPrime() { return prime; }

    @Py("subprime")
    public SecItem getSubprime() { return subprime; }

    @Py("base")
    public SecItem getBase() { return base; }

    Lines lines(int level) {
        Lines lines = new Lines();
        lines.label(level, "Prime");
        Asn1Fmt.integerLines(lines, level + 1, prime.getData());
        lines.label(level, "SubPrime");
        Asn1Fmt.integerLines(lines, level + 1, subprime.getData());
        lines.label(level, "Base");
        Asn1Fmt.integerLines(lines, level + 1, base.getData());
        return lines;
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) { return lines(level).toPython(); }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) { return BStr.bytes(lines(level).indented(indentLen)); }

    @Py("__str__()")
    public byte[] str() { return format(0, 4); }
}
