package org.jnss.pki;

import org.jnss.asn1.BStr;
import org.jnss.asn1.OidNames;
import org.jnss.core.ArgumentError;
import org.jnss.core.KeyError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.core.Slice;
import org.jnss.error.NSPRError;
import org.jnss.nss.NssConstants;
import org.jnss.nss.SecItem;

import java.util.ArrayList;
import java.util.List;

/**
 * The sequence and mapping protocol python-nss gives DN (of RDNs) and RDN (of
 * AVAs): len(), indexing by position or slice, and by attribute name, dotted
 * OID or OID SecItem (the list of the items having such an attribute), has_key()
 * and {@code in}.
 */
public abstract class TaggedSequence<T> extends Ordered {
    /** For the subclasses of this package (DN and RDN). */
    TaggedSequence() {}

    /** The items, in order (the live list). */
    abstract List<T> items();

    /** Whether item is, or holds, an attribute with this OID tag. */
    abstract boolean itemHasTag(T item, int tag);

    /**
     * The items of a constructor's sequence argument, each checked to be a
     * {@code what} (the constructors' TypeError otherwise), at most
     * RDN.MAX_ITEMS - 1 of them as python-nss allows (its ValueError, spelling kept).
     */
    static <E> List<E> checkedItems(List<?> seq, Class<E> type, String what) {
        if (seq.size() > RDN.MAX_ITEMS)
            throw new IllegalArgumentException("to many " + what + " items, maximum is " + (RDN.MAX_ITEMS - 1)
                    + ", received " + seq.size());
        List<E> out = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            Object item = org.jnss.core.PyValues.toJava(seq.get(i));
            if (!type.isInstance(item))
                throw new ArgumentError("item " + i + " must be an " + what + " object, not " + PyTypeNames.of(item));
            out.add(type.cast(item));
        }
        return out;
    }

    /** The text repr() and str() give (as a byte string). */
    abstract String render();

    /**
     * The name as text, as NSS renders it: for a DN its RDNs most specific
     * first, joined by ',' ("CN=www.example.com,O=Example,C=US"); for an RDN
     * its AVAs joined by '+'.
     *
     * @return the text ({@code str} in Python)
     * @throws org.jnss.error.NSPRError when NSS cannot render an AVA of an RDN
     */
    @Python("__repr__()")
    public String repr() {
        return BStr.text(render());
    }

    /**
     * The same text as {@link #repr()}.
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__str__()")
    public String str() {
        return repr();
    }

    /**
     * The same text as {@link #repr()}, as a Java String of the bytes.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return render();
    }

    /**
     * The number of items (RDNs of a DN, AVAs of an RDN).
     *
     * @return the count
     */
    @Python("__len__()")
    public int length() {
        return items().size();
    }

    /**
     * An item or items: {@code x[i]} is the item at a position (in Python a
     * negative one counts from the end; a DN's item 0 is its least specific
     * RDN); {@code x[i:j]} a list of items; {@code x['cn']} (an attribute
     * name, dotted OID or OID SecItem) the list of items that are, or hold,
     * such an attribute, in order. Another type of key is a TypeError in Python.
     *
     * @param key a non-negative Integer or Long, a {@link org.jnss.core.Slice},
     *        a String or a SecItem
     * @return the item, or a List of items (a list in Python)
     * @throws IndexOutOfBoundsException (IndexError) for a position out of range
     * @throws KeyError when the name names no OID, or no item has the attribute
     * @throws IllegalArgumentException for another type of key (which the
     *         Python binding does not let through)
     */
    @Python("__getitem__(key)")
    public Object getItem(@Python.Index(slices = true, keys = true,
            notInteger = "indices must be integers or strings, not %s") Object key) {
        List<T> items = items();
        Object k = key;
        if (k instanceof Long || k instanceof Integer) {
            long i = ((Number) k).longValue();
            if (i < 0 || i >= items.size())
                throw new IndexOutOfBoundsException(getClass().getSimpleName() + " index out of range");
            return items.get((int) i);
        }
        if (k instanceof Slice s) {
            int[] ix = s.indices(items.size());
            List<T> out = new ArrayList<>();
            for (int n = 0, j = ix[0]; n < ix[3]; n++, j += ix[2]) out.add(items.get(j));
            return out;
        }
        if (k instanceof String || k instanceof SecItem) {
            int tag = OidNames.tagOf(k);
            if (tag == NssConstants.SEC_OID_UNKNOWN) throw unknown(k);
            List<T> out = new ArrayList<>();
            for (T item : items) if (itemHasTag(item, tag)) out.add(item);
            if (out.isEmpty()) throw notFound(k);
            return out;
        }
        throw new IllegalArgumentException("not an index, slice or OID key: " + key);   // the binder admits no other
    }

    /**
     * Whether an item is, or holds, an attribute of the given type.
     *
     * @param arg an attribute name ('cn'), dotted OID, SEC_OID_* name or tag,
     *        or OID SecItem
     * @return true when one does; false also when arg names no OID
     */
    @Python("has_key(arg, /)")
    public boolean hasKey(Object arg) {
        int tag = lookupTag(arg);
        if (tag == NssConstants.SEC_OID_UNKNOWN) return false;
        for (T item : items()) if (itemHasTag(item, tag)) return true;
        return false;
    }

    /**
     * {@code arg in x}: the same as {@link #hasKey has_key(arg)}.
     *
     * @param arg an attribute name, dotted OID, tag or OID SecItem
     * @return true when an item is, or holds, such an attribute
     */
    @Python("__contains__(arg, /)")
    public boolean contains(Object arg) {
        return hasKey(arg);
    }

    private static KeyError unknown(Object k) {
        return k instanceof String s ? new KeyError("oid name unknown: \"" + s + "\"") : new KeyError("oid unknown");
    }

    private static KeyError notFound(Object k) {
        return k instanceof String s ? new KeyError("oid name not found: \"" + s + "\"") : new KeyError("oid not found");
    }

    /** The tag an argument of has_key / in names, or SEC_OID_UNKNOWN when it names none. */
    private static int lookupTag(Object arg) {
        try {
            int tag = OidNames.tagOf(arg);
            return tag == OidNames.ERROR ? NssConstants.SEC_OID_UNKNOWN : tag;
        } catch (RuntimeException e) {
            if (e instanceof NSPRError) throw e;
            // python-nss returns False here (leaving the lookup's exception set)
            return NssConstants.SEC_OID_UNKNOWN;
        }
    }
}
