package org.jnss.pki;

import org.jnss.core.ArgumentError;
import org.jnss.core.PyObjects;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.nss.SecItem;

/**
 * DSA domain parameters, {@code nss.nss.KEYPQGParams} in Python: the prime
 * (p), subprime (q) and base (g), as read from a DSA public key
 * ({@link PyDSAPublicKey#getPqgParams pqg_params}) or made with
 * {@link #create KEYPQGParams(...)} for generating DSA keys. Immutable copies
 * on the Java heap; nothing to close.
 */
public final class KEYPQGParams extends KeyNumbers {
    private static final String[] LABELS = {"Prime", "SubPrime", "Base"};

    KEYPQGParams(SecItem prime, SecItem subprime, SecItem base) {
        super(LABELS, prime, subprime, base);
    }

    /** python-nss's default DSA domain parameters (1024-bit prime, 160-bit subprime), used when none are given. */
    private static final String DEFAULT_PRIME = "0098ef3aae70989b44db3586c1b6c2477cb4ff99e8ae44f2ebc3be230f65d04c"
            + "048290a79d4ac8937f41dff8806b0b687fafe4a8b5b299c369fb3fe71bd00fa9"
            + "7a4a04bf509e2233b889532410f96877adaf1068b8d3685da3c3eb723ba00b73"
            + "65c5d1fa8cc07daa5229344401bf1225fe180ac83fc16048dbad93b66167d7a8"
            + "2d";
    private static final String DEFAULT_SUBPRIME = "00b5b0848b4429f63359a13cbed27f35a176270381";
    private static final String DEFAULT_BASE = "040e8369f1cd7de50c7893d6496f00044e0e6c37aa382247d258ec831295f99c"
            + "f1f427ffd7995735c6644cc047123150823c2a070301ef30098982417671da9e"
            + "578b7638375fa5cd3284458d4c17542b5dc26bba3ea07b95d70042f708b88387"
            + "60e1e5f41a54c220da383ad1b610f4cb35da979287d6a53762b4934a1521a510";

    /**
     * Makes DSA domain parameters from the three numbers, or python-nss's
     * default parameters (a 1024-bit prime and 160-bit subprime) when all
     * three are None. As in python-nss the three arguments are required.
     *
     * @param prime p: a SecItem or any buffer holding the unsigned big-endian
     *        number, or None
     * @param subprime q, in the same form, or None
     * @param base g, in the same form, or None
     * @return the parameters
     * @throws IllegalArgumentException (ValueError) when some but not all are None
     * @throws org.jnss.core.ArgumentError (TypeError) when an argument is not a
     *         SecItem, buffer or None
     */
    @Python("KEYPQGParams(prime, subprime, base)")
    public static KEYPQGParams create(@Python.Raw Object prime, @Python.Raw Object subprime, @Python.Raw Object base) {
        byte[] p = number(prime), q = number(subprime), g = number(base);
        if (p == null && q == null && g == null) {
            p = java.util.HexFormat.of().parseHex(DEFAULT_PRIME);
            q = java.util.HexFormat.of().parseHex(DEFAULT_SUBPRIME);
            g = java.util.HexFormat.of().parseHex(DEFAULT_BASE);
        } else if (p == null || q == null || g == null) {
            throw new IllegalArgumentException(
                    "prime, subprime and base must all be provided or none of them provided, not a mix");
        }
        return new KEYPQGParams(new SecItem(p, 0, SecItem.Kind.DER), new SecItem(q, 0, SecItem.Kind.DER),
                new SecItem(g, 0, SecItem.Kind.DER));
    }

    /** A number argument: null for None, the bytes of a SecItem or buffer, else python-nss's TypeError. */
    private static byte[] number(Object v) {
        if (v == null) return null;
        Object j = PyValues.toJava(v);
        if (j instanceof SecItem item) return item.getData();
        byte[] b = PyObjects.ops().buffer(v);
        if (b == null) throw new ArgumentError("must be SecItem, buffer object or None");
        return b;
    }

    /**
     * The prime p.
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("prime")
    public SecItem getPrime() { return number(0); }

    /**
     * The subprime q, the prime order of the subgroup.
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("subprime")
    public SecItem getSubprime() { return number(1); }

    /**
     * The base g, the subgroup's generator.
     *
     * @return a SecItem of the unsigned big-endian number
     */
    @Python("base")
    public SecItem getBase() { return number(2); }
}
