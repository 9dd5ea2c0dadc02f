package org.jnss.nss;

import org.jnss.core.ArgumentError;
import org.jnss.core.KeyError;
import org.jnss.core.Py;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Slice;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A relative distinguished name: an ordered list of {@link AVA}s, indexable by
 * position, slice, attribute name, dotted OID or OID SecItem (names always
 * give a list of the matching AVAs).
 */
@Py.Type(doc = "An object representing an X501 Relative Distinguished Name (e.g. RDN).\n\n"
        + "RDN objects contain an ordered list of `AVA` objects.\n\n"
        + "RDN()\nRDN(nss.AVA('cn', 'www.redhat.com'))\nRDN([ava0, ava1])")
public final class RDN extends Ordered {
    /** python-nss's limit (CERT_CreateRDN takes at most 10 AVAs). */
    static final int MAX_ITEMS = 10;

    private final List<AVA> avas;

    RDN(List<AVA> avas) {
        this.avas = List.copyOf(avas);
    }

    List<AVA> avas() { return avas; }

    @Py("RDN(*avas)")
    public static RDN create(Object... args) {
        List<AVA> out = new ArrayList<>();
        if (args.length > 0) {
            List<?> seq = sequenceArg(args);
            if (seq.size() > MAX_ITEMS)
                throw new IllegalArgumentException("to many AVA items, maximum is " + (MAX_ITEMS - 1)
                        + ", received " + seq.size());
            for (int i = 0; i < seq.size(); i++) {
                Object item = PyValues.toJava(seq.get(i));
                if (!(item instanceof AVA a))
                    throw new ArgumentError("item " + i + " must be an AVA object, not " + PyTypeNames.of(item));
                out.add(a);
            }
        }
        return new RDN(out);
    }

    /** The items of *args: the first argument itself when it is a list or tuple. */
    static List<?> sequenceArg(Object[] args) {
        Object first = PyValues.toJava(args[0]);
        if (first instanceof List<?> l) return l;
        List<Object> all = new ArrayList<>();
        Collections.addAll(all, args);
        return all;
    }

    @Py("__len__()")
    public int length() {
        return avas.size();
    }

    @Py("__getitem__(key)")
    public Object getItem(Object key) {
        Object k = key;
        if (k instanceof Boolean b) k = b ? 1 : 0;
        if (k instanceof Integer || k instanceof Long || k instanceof BigInteger) {
            long i = index(k);
            if (i < 0) i += avas.size();
            if (i < 0 || i >= avas.size()) throw new IndexOutOfBoundsException("RDN index out of range");
            return avas.get((int) i);
        }
        if (k instanceof Slice s) {
            int[] ix = s.indices(avas.size());
            List<AVA> out = new ArrayList<>();
            for (int n = 0, j = ix[0]; n < ix[3]; n++, j += ix[2]) out.add(avas.get(j));
            return out;
        }
        if (k instanceof String || k instanceof SecItem) {
            int tag = OidNames.tagOf(k);
            if (tag == NssConstants.SEC_OID_UNKNOWN) throw unknown(k);
            List<AVA> out = new ArrayList<>();
            for (AVA a : avas) if (a.getOidTag() == tag) out.add(a);
            if (out.isEmpty()) throw notFound(k);
            return out;
        }
        throw new ArgumentError("indices must be integers or strings, not " + PyTypeNames.of(key));
    }

    static long index(Object k) {
        if (k instanceof BigInteger b) {
            if (b.bitLength() >= 64) throw new IndexOutOfBoundsException("cannot fit 'long' into an index-sized integer");
            return b.longValue();
        }
        return ((Number) k).longValue();
    }

    static KeyError unknown(Object k) {
        return k instanceof String s ? new KeyError("oid name unknown: \"" + s + "\"") : new KeyError("oid unknown");
    }

    static KeyError notFound(Object k) {
        return k instanceof String s ? new KeyError("oid name not found: \"" + s + "\"") : new KeyError("oid not found");
    }

    /** The tag an argument of has_key / in names, or SEC_OID_UNKNOWN when it names none. */
    static int lookupTag(Object arg) {
        try {
            int tag = OidNames.tagOf(arg);
            return tag == OidNames.ERROR ? NssConstants.SEC_OID_UNKNOWN : tag;
        } catch (RuntimeException e) {
            if (e instanceof NSPRError) throw e;
            // python-nss returns False here (leaving the lookup's exception set)
            return NssConstants.SEC_OID_UNKNOWN;
        }
    }

    boolean hasTag(int tag) {
        for (AVA a : avas) if (a.getOidTag() == tag) return true;
        return false;
    }

    @Py("has_key(arg)")
    public boolean hasKey(Object arg) {
        int tag = lookupTag(arg);
        return tag != NssConstants.SEC_OID_UNKNOWN && hasTag(tag);
    }

    @Py("__contains__(arg)")
    public boolean contains(Object arg) {
        return hasKey(arg);
    }

    /** "NAME=value" of each AVA joined by '+'. */
    String render() {
        StringBuilder b = new StringBuilder();
        try (Scratch s = new Scratch()) {
            for (AVA a : avas) {
                if (b.length() > 0) b.append('+');
                b.append(NameCodec.avaToString(s, NameCodec.nativeAva(s, a)));
            }
        }
        return b.toString();
    }

    @Py("__repr__()")
    public byte[] repr() {
        return BStr.bytes(render());
    }

    @Py("__str__()")
    public byte[] str() {
        return repr();
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

    @Override
    public String toString() {
        return render();
    }
}
