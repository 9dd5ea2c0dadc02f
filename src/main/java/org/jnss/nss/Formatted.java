package org.jnss.nss;

import org.jnss.core.Py;

import java.util.List;

/**
 * A value rendered through python-nss's line model: subclasses produce the
 * lines once ({@link #lines}); format_lines(), format() and str() follow.
 */
abstract class Formatted {
    /** Appends this value's lines at the given level. */
    abstract void lines(Lines lines, int level);

    @Py("format_lines(level=0)")
    public List<Object[]> formatLines(int level) {
        Lines l = new Lines();
        lines(l, level);
        return l.toPython();
    }

    @Py("format(level=0, indent_len=4)")
    public byte[] format(int level, int indentLen) {
        Lines l = new Lines();
        lines(l, level);
        return BStr.bytes(l.indented(indentLen));
    }

    @Py("__str__()")
    public byte[] str() {
        return format(0, 4);
    }
}
