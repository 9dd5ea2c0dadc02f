package org.jnss.pki;

import org.jnss.core.Peered;

import org.jnss.core.ArgumentError;
import org.jnss.core.Python;

/**
 * The rich comparisons python-nss gives names and their parts (DN, RDN, AVA):
 * ordered by {@link #cmp}, which raises TypeError for another type; unhashable,
 * as python-nss defines comparison without a hash.
 */
public abstract class Ordered extends Peered {
    /** For the subclasses of this package (DN, RDN, AVA). */
    Ordered() {}

    /** Negative, zero or positive as this sorts before, with or after other; TypeError for another type. */
    abstract int cmp(Object other);

    /**
     * {@code self == other}: whether the two compare equal (for DNs, as NSS's
     * CERT_CompareName decides).
     *
     * @param o an object of the same type
     * @return true when equal
     * @throws ArgumentError (TypeError) "Bad type, must be ..." for another type
     */
    @Python("__eq__(other)") public boolean eq(Object o) { return cmp(o) == 0; }

    /**
     * {@code self != other}.
     *
     * @param o an object of the same type
     * @return true when not equal
     * @throws ArgumentError (TypeError) for another type
     */
    @Python("__ne__(other)") public boolean ne(Object o) { return cmp(o) != 0; }

    /**
     * {@code self < other}.
     *
     * @param o an object of the same type
     * @return true when this sorts first
     * @throws ArgumentError (TypeError) for another type
     */
    @Python("__lt__(other)") public boolean lt(Object o) { return cmp(o) < 0; }

    /**
     * {@code self <= other}.
     *
     * @param o an object of the same type
     * @return true when this sorts first or equal
     * @throws ArgumentError (TypeError) for another type
     */
    @Python("__le__(other)") public boolean le(Object o) { return cmp(o) <= 0; }

    /**
     * {@code self > other}.
     *
     * @param o an object of the same type
     * @return true when this sorts last
     * @throws ArgumentError (TypeError) for another type
     */
    @Python("__gt__(other)") public boolean gt(Object o) { return cmp(o) > 0; }

    /**
     * {@code self >= other}.
     *
     * @param o an object of the same type
     * @return true when this sorts last or equal
     * @throws ArgumentError (TypeError) for another type
     */
    @Python("__ge__(other)") public boolean ge(Object o) { return cmp(o) >= 0; }

    /**
     * Refuses {@code hash()}: these objects compare by value but are mutable
     * (DN) or were unhashable in python-nss, so they cannot be dict keys or
     * set members.
     *
     * @return never returns
     * @throws ArgumentError (TypeError) "unhashable type: 'nss.nss.X'", always
     */
    @Python("__hash__()")
    public int pyHash() {
        throw new ArgumentError("unhashable type: 'nss.nss." + getClass().getSimpleName() + "'");
    }
}
