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
    /**
     * This value's lines at the given level, in a new {@link Lines}.
     *
     * @param level the indentation level of the outermost lines
     * @return the lines; the caller may append to them
     */
    default Lines lines(int level) {
        Lines l = new Lines();
        lines(l, level);
        return l;
    }

    /**
     * Appends this value's lines at the given level.
     *
     * @param out the lines to append to
     * @param level the indentation level of the outermost lines
     */
    default void lines(Lines out, int level) {
        out.list.addAll(lines(level).list);
    }

    /**
     * This object's text as python-nss's line tuples, the input of
     * {@code indented_format()}: a list of {@code (level,)},
     * {@code (level, text)} and {@code (level, label, value)} tuples, labels
     * ending with ':'. Useful to nest one object's text inside another's.
     *
     * @param level the indentation level of the outermost lines (0 when omitted in Python)
     * @return a list of tuples (Object arrays in Java) whose first element is
     *         the integer level and the others byte strings ({@code str} in Python)
     */
    @Python("format_lines(level=0)")
    default List<Object[]> formatLines(int level) {
        return lines(level).toPython();
    }

    /**
     * This object's text, indented: what {@code indented_format(format_lines(level), indent_len)}
     * gives. The multi-line text python-nss prints for certificates, keys and
     * extensions.
     *
     * @param level the indentation level of the outermost lines (0 when omitted in Python)
     * @param indentLen spaces per level (4 when omitted in Python)
     * @return the text ({@code str} in Python), lines separated by '\n'
     *         without a final newline
     */
    @Python("format(level=0, indent_len=4)")
    default String format(int level, int indentLen) {
        return BStr.text(lines(level).indented(indentLen));
    }

    /**
     * {@link #format(int, int)} with Python's defaults: level 0, 4 spaces per level.
     *
     * @return the text, as {@code toString()} gives it
     */
    default String format() {
        return format(0, 4);
    }

    /**
     * {@link #formatLines(int)} at level 0, Python's default.
     *
     * @return the list of line tuples
     */
    default List<Object[]> formatLines() {
        return formatLines(0);
    }

    /**
     * Python's {@code str()} of the object: {@link #format(int, int) format()}
     * at level 0 with 4 spaces per level.
     *
     * @return the text ({@code str} in Python)
     */
    @Python("__str__()")
    default String str() {
        return format(0, 4);
    }
}
