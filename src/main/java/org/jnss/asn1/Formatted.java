package org.jnss.asn1;

import org.jnss.core.Python;

import java.util.List;

/**
 * A value rendered through python-nss's line model: a type produces its lines
 * once, by implementing either {@link #lines(int)} (a new Lines) or
 * {@link #lines(Lines, int)} (appending to one); format_lines(), format() and
 * str() follow from them. An interface, so that types owning a native handle
 * (subclasses of NativeResource) share it too; the binder exposes its default
 * methods on every type that implements it.
 */
public interface Formatted {
    /** This value's lines at the given level. */
    default Lines lines(int level) {
        Lines l = new Lines();
        lines(l, level);
        return l;
    }

    /** Appends this value's lines at the given level. */
    default void lines(Lines out, int level) {
        out.list.addAll(lines(level).list);
    }

    @Python("format_lines(level=0)")
    default List<Object[]> formatLines(int level) {
        return lines(level).toPython();
    }

    /** The indented text of the lines: a byte string, as every format() of the API returns. */
    @Python("format(level=0, indent_len=4)")
    default byte[] format(int level, int indentLen) {
        return BStr.bytes(lines(level).indented(indentLen));
    }

    @Python("__str__()")
    default byte[] str() {
        return format(0, 4);
    }
}
