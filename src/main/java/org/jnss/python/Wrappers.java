package org.jnss.python;

import org.jnss.core.Peered;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Core object -> its Python object: the same core object always comes back to
 * Python as the same Python object (identity with `is`, and a Python subclass
 * instance keeps its class and attributes when the core hands it back, e.g. to
 * a callback), as under python-nss. A core object keeps its Python object
 * itself ({@link Peered#peer()}: no table entry or weak references per object,
 * which every call returning a new object would pay); a core class that is not
 * {@code Peered} is mapped weakly on both sides.
 */
final class Wrappers {
    private Wrappers() {}

    private static final ReferenceQueue<Object> GONE = new ReferenceQueue<>();
    private static final ConcurrentHashMap<Object, WeakReference<NssObject>> MAP = new ConcurrentHashMap<>();

    /** A weak key compared by the identity of its referent. */
    private static final class Key extends WeakReference<Object> {
        final int hash;

        Key(Object core) {
            super(core, GONE);
            hash = System.identityHashCode(core);
        }

        @Override
        public int hashCode() { return hash; }

        @Override
        public boolean equals(Object o) {
            if (o == this) return true;
            Object mine = get();
            if (mine == null) return false;
            if (o instanceof Key k) return k.get() == mine;
            if (o instanceof Probe p) return p.core == mine;
            return false;
        }
    }

    /** A lookup key (strong, short-lived). */
    private record Probe(Object core) {
        @Override
        public int hashCode() { return System.identityHashCode(core); }

        @Override
        public boolean equals(Object o) {
            if (o instanceof Probe p) return p.core == core;
            return o instanceof Key k && k.get() == core;
        }
    }

    static NssObject get(Object core) {
        if (core instanceof Peered n) return n.peer() instanceof NssObject o ? o : null;
        WeakReference<NssObject> r = MAP.get(new Probe(core));
        return r == null ? null : r.get();
    }

    static void put(Object core, NssObject wrapper) {
        if (core instanceof Peered n) {
            n.setPeer(wrapper);
            return;
        }
        expunge();
        MAP.put(new Key(core), new WeakReference<>(wrapper));
    }

    private static void expunge() {
        for (Object k; (k = GONE.poll()) != null; ) MAP.remove(k);
    }
}
