package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/** An algorithm identifier (SECAlgorithmID): the algorithm's OID and its DER encoded parameters. */
@Py.Type(doc = "An object representing a signature algorithm")
public final class AlgorithmID {
    private final byte[] oid;
    private final byte[] parameters;

    AlgorithmID(byte[] oid, byte[] parameters) {
        this.oid = oid;
        this.parameters = parameters;
    }

    /** The SECAlgorithmID at alg, copied. */
    static AlgorithmID fromNative(long alg) {
        return new AlgorithmID(Scratch.itemBytes(alg + Layout.ALG_ALGORITHM), Scratch.itemBytes(alg + Layout.ALG_PARAMETERS));
    }

    @Py("id_oid")
    public SecItem getIdOid() {
        return new SecItem(oid, 0, SecItem.Kind.ALGORITHM);
    }

    @Py("id_tag")
    public int getIdTag() {
        NssRuntime.requireInitialized();
        return Asn1Fmt.oidTag(oid);
    }

    @Py("id_str")
    public byte[] getIdStr() {
        NssRuntime.requireInitialized();
        return BStr.bytes(Asn1Fmt.oidDesc(oid));
    }

    @Py("parameters")
    public SecItem getParameters() {
        return new SecItem(parameters, 0, SecItem.Kind.DER);
    }

    Lines lines(int level) {
        NssRuntime.requireInitialized();
        Lines lines = new Lines();
        PkiFmt.algorithm(lines, level, oid, parameters);
        return lines;
    }

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        return lines(level).toPython();
    }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        return BStr.bytes(lines(level).indented(indentLen));
    }

    @Py("__str__()")
    public byte[] str() {
        return format(0, 4);
    }
}
