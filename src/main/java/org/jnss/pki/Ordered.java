package org.jnss.pki;

import org.jnss.core.ArgumentError;
import org.jnss.core.Python;

/**
 * The rich comparisons python-nss gives names and their parts (DN, RDN, AVA):
 * ordered by {@link #cmp}, which raises TypeError for another type; unhashable,
 * as python-nss defines comparison without a hash.
 */
public abstract class Ordered {
    /** Negative, zero or positive as this sorts before, with or after other; TypeError for another type. */
    abstract int cmp(Object other);

    @Python("__eq__(other)") public boolean eq(Object o) { return cmp(o) == 0; }
    @Python("__ne__(other)") public boolean ne(Object o) { return cmp(o) != 0; }
    @Python("__lt__(other)") public boolean lt(Object o) { return cmp(o) < 0; }
    @Python("__le__(other)") public boolean le(Object o) { return cmp(o) <= 0; }
    @Python("__gt__(other)") public boolean gt(Object o) { return cmp(o) > 0; }
    @Python("__ge__(other)") public boolean ge(Object o) { return cmp(o) >= 0; }

    @Python("__hash__()")
    public int pyHash() {
        throw new ArgumentError("unhashable type: 'nss.nss." + getClass().getSimpleName() + "'");
    }
}
