package org.jnss.pki;

import org.jnss.asn1.Scratch;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;
import org.jnss.natives.Mem;
import org.jnss.natives.Nss3;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A relative distinguished name, {@code nss.nss.RDN} in Python: an ordered
 * list of {@link AVA}s, usually one ("CN=www.example.com"; several are joined
 * by '+'). Found in a {@link DN}, or made with {@link #create RDN(...)}.
 * Indexable by position, slice, attribute name, dotted OID or OID SecItem
 * (names always give a list of the matching AVAs). Ordered (by the number of
 * AVAs, then AVA by AVA), unhashable, immutable; held on the Java heap
 * (nothing to close).
 */
public final class RDN extends TaggedSequence<AVA> {
    /** python-nss's limit (CERT_CreateRDN takes at most 10 AVAs). */
    static final int MAX_ITEMS = 10;

    private final List<AVA> avas;

    RDN(List<AVA> avas) {
        this.avas = List.copyOf(avas);
    }

    List<AVA> avas() { return avas; }

    /**
     * Makes an RDN of AVAs, given as arguments or as one list or tuple of
     * them; empty without arguments.
     *
     * @param args AVA objects, or one list or tuple of AVAs
     * @return the new RDN
     * @throws ArgumentError (TypeError) when an item is not an AVA
     * @throws IllegalArgumentException (ValueError) for more than ten AVAs
     *         (python-nss's limit; its message says nine)
     */
    @Python("RDN(*avas)")
    public static RDN create(Object... args) {
        return new RDN(args.length == 0 ? new ArrayList<>() : checkedItems(sequenceArg(args), AVA.class, "AVA"));
    }

    /** The items of *args: the first argument itself when it is a list or tuple. */
    static List<?> sequenceArg(Object[] args) {
        Object first = PyValues.toJava(args[0]);
        if (first instanceof List<?> l) return l;
        List<Object> all = new ArrayList<>();
        Collections.addAll(all, args);
        return all;
    }

    @Override
    List<AVA> items() {
        return avas;
    }

    @Override
    boolean itemHasTag(AVA item, int tag) {
        return item.getOidTag() == tag;
    }

    boolean hasTag(int tag) {
        for (AVA a : avas) if (a.getOidTag() == tag) return true;
        return false;
    }

    /** "NAME=value" of each AVA joined by '+'. */
    String render() {
        if (avas.size() == 1) return avas.get(0).render();
        StringBuilder b = new StringBuilder();
        for (AVA a : avas) {
            if (b.length() > 0) b.append('+');
            b.append(a.render());
        }
        return b.toString();
    }

    // ---- comparison: number of AVAs, then AVA by AVA ----

    static int compare(RDN a, RDN b) {
        if (a.avas.size() != b.avas.size()) return a.avas.size() < b.avas.size() ? -1 : 1;
        for (int i = 0; i < a.avas.size(); i++) {
            int c = AVA.compare(a.avas.get(i), b.avas.get(i));
            if (c != 0) return c;
        }
        return 0;
    }

    /**
     * Whether NSS's CERT_CompareRDN finds this RDN equal to another by octets
     * alone: as many AVAs, the same types and values in the same order, and no
     * type twice here. (NSS pairs each AVA with the other RDN's first AVA of its
     * type, so an RDN with a repeated type can compare unequal even to itself:
     * that case, and any other, is left to NSS.)
     */
    boolean sameOctetsForNss(RDN o) {
        if (avas.size() != o.avas.size()) return false;
        for (int i = 0; i < avas.size(); i++) {
            AVA a = avas.get(i);
            if (!a.sameOctets(o.avas.get(i))) return false;
            for (int j = 0; j < i; j++) if (avas.get(j).sameType(a)) return false;
        }
        return true;
    }

    /**
     * How NSS orders the two RDNs: CERT_CompareName of a native name of each
     * alone (libnss3 does not export CERT_CompareRDN, which that call makes of
     * it): -1, 0 or 1.
     */
    int compareByNss(RDN o) {
        try (Scratch s = new Scratch()) {
            return Integer.signum(Nss3.CERT_CompareName(NameCodec.nativeName(s, List.of(this)), NameCodec.nativeName(s, List.of(o))));
        }
    }

    @Override
    int cmp(Object other) {
        if (!(other instanceof RDN o)) throw new ArgumentError("Bad type, must be RDN");
        return compare(this, o);
    }

    /** A native CERTRDN (in the scratch scope) for these AVAs. */
    long toNative(Scratch s) {
        long array = s.calloc((long) (avas.size() + 1) * Mem.POINTER_SIZE);
        for (int i = 0; i < avas.size(); i++) Mem.setPointer(array, (long) i * Mem.POINTER_SIZE, NameCodec.nativeAva(s, avas.get(i)));
        long rdn = s.calloc(Mem.POINTER_SIZE);
        Mem.setPointer(rdn, 0, array);
        return rdn;
    }
}
