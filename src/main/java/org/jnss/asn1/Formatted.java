package org.jnss.asn1;

import org.jnss.core.Python;

import java.util.List;

/**
 * A value rendered through python-nss's line model: a subclass produces its
 * lines once, by overriding either {@link #lines(int)} (a new Lines) or
 * {@link #lines(Lines, int)} (appending to one); format_lines(), format() and
 * str() follow from them.
 */
public abstract class Formatted {
    /** This value's lines at the given level. */
    public Lines lines(int level) {
        Lines l = new Lines();
        lines(l, level);
        return l;
    }

    /** Appends this value's lines at the given level. */
    public void lines(Lines out, int level) {
        out.list.addAll(lines(level).list);
    }

    @Python("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        return lines(level).toPython();
    }

    @Python("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        return BStr.bytes(lines(level).indented(indentLen));
    }

    @Python("__str__()")
    public byte[] str() {
        return format(0, 4);
    }
}
