package org.jnss.asn1;

import org.jnss.core.Peered;

/**
 * The base of the formatted types that own no native handle: {@link Formatted}'s
 * Python members, and {@code toString()} as python-nss's {@code str()} (an
 * interface cannot supply {@code toString()}; types owning a handle get it from
 * {@link org.jnss.core.NativeResource}).
 */
public abstract class FormattedValue extends Peered implements Formatted {
    /** What python-nss's {@code str()} gives, as Java text (see {@link org.jnss.core.JavaText}). */
    @Override
    public String toString() {
        String s = org.jnss.core.JavaText.str(this);
        return s != null ? s : super.toString();
    }
}
