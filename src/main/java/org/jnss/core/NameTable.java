package org.jnss.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A family of named integer constants (CRL reason codes, general name types,
 * PKCS #11 mechanisms, ...) with lookups both ways: the name of a value, and
 * the value of a name given case-insensitively, with or without the family's
 * prefix ({@code "crlEntryReasonKeyCompromise"}, {@code "reasonkeycompromise"}).
 *
 * <p>In Python each table is a pair of module functions, {@code X_name(value)}
 * and {@code X_from_name(name)}, declared by {@link Python.Lookup} on the
 * table's field; Java code calls {@link #name(long)} and {@link #value(String)}
 * directly. A failed lookup is a {@link KeyError} whose message names the
 * family and the value the way python-nss prints it, which depends on the C
 * type python-nss reads the value as (see {@link Width}).
 */
public final class NameTable {
    /** How a value given to {@link #name(long)} is read before the lookup and shown in the KeyError. */
    public enum Width {
        /** A C {@code long}: looked up as given, shown signed. */
        SIGNED,
        /** A C enum read as {@code unsigned int}: the low 32 bits are looked up and shown. */
        UNSIGNED_32,
        /** A C {@code unsigned long}: looked up as given, shown unsigned. */
        UNSIGNED_64
    }

    private final Map<Long, String> byValue = new LinkedHashMap<>();
    private final Map<String, Long> byName = new HashMap<>();
    /** reads the constants into the maps: at the first lookup, not when the table is made (module import) */
    private Consumer<NameTable> fill;
    private volatile boolean filled;
    private final String what;
    private final String prefix;
    private final Width width;
    private final String valueMissing;
    private final String nameMissing;

    private NameTable(String what, String prefix, Width width, String valueMissing, String nameMissing) {
        this.what = what;
        this.prefix = prefix;
        this.width = width;
        this.valueMissing = valueMissing;
        this.nameMissing = nameMissing;
    }

    /**
     * A table of the named constants of a constants class; where two names
     * share a value, the value's name is the later one. Both KeyErrors read
     * "{what} name not found: ...".
     *
     * @param what what the constants are, for messages and documentation (e.g. "CRL reason")
     * @param constants the class declaring the constants as public static fields
     * @param prefix the prefix a name may be given without (e.g. "crlEntry")
     * @param width how {@link #name(long)} reads its value
     * @param names the names of the constants, in the order python-nss registers them
     * @return the table
     */
    public static NameTable of(String what, Class<?> constants, String prefix, Width width, String... names) {
        NameTable t = new NameTable(what, prefix, width, what + " name not found", what + " name not found");
        t.fill = table -> {
            for (String n : names) {
                try {
                    table.add(n, ((Number) constants.getField(n).get(null)).longValue(), true);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalArgumentException("no constant " + n + " in " + constants.getName(), e);
                }
            }
        };
        return t;
    }

    /**
     * A table of the static integer fields of a constants class whose names
     * start with the prefix, values read as unsigned 32-bit numbers; where
     * several names share a value the first in declaration order names it,
     * unless one of them is in {@code preferred}.
     *
     * @param what what the constants are, for documentation (e.g. "PKCS #11 mechanism")
     * @param constants the class whose public static fields are read
     * @param prefix the name prefix selecting the family (e.g. "CKM_"), optional in lookups by name
     * @param preferred names that win over an earlier name of the same value
     * @param width how {@link #name(long)} reads its value
     * @param valueMissing the start of the KeyError message when a value has no name
     * @param nameMissing the start of the KeyError message when a name is unknown
     * @return the table
     */
    public static NameTable fromConstants(String what, Class<?> constants, String prefix, Set<String> preferred,
                                          Width width, String valueMissing, String nameMissing) {
        NameTable t = new NameTable(what, prefix, width, valueMissing, nameMissing);
        t.fill = table -> {
            for (Field f : constants.getFields()) {
                String n = f.getName();
                if (!n.startsWith(prefix) || !Modifier.isStatic(f.getModifiers())) continue;
                try {
                    table.add(n, ((Number) f.get(null)).longValue() & 0xffffffffL, preferred.contains(n));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        return t;
    }

    /** Reads the constants on first use (once, whichever thread comes first). */
    private void ensureFilled() {
        if (filled) return;
        synchronized (this) {
            if (filled) return;
            fill.accept(this);
            fill = null;
            filled = true;
        }
    }

    private void add(String name, long value, boolean replace) {
        if (replace || !byValue.containsKey(value)) byValue.put(value, name);
        String low = name.toLowerCase(Locale.ROOT);
        byName.put(low, value);
        if (low.startsWith(prefix.toLowerCase(Locale.ROOT))) byName.put(low.substring(prefix.length()), value);
    }

    /**
     * The name of a value.
     *
     * @param value the constant's value, read as this table's {@link Width} says
     * @return the constant's name
     * @throws KeyError when no constant of the family has the value
     */
    public String name(@Python.Unsigned long value) {
        String n = find(value);
        if (n == null) throw new KeyError(valueMissing + ": " + shown(value));
        return n;
    }

    /**
     * The name of a value, or null when the family has no such constant.
     *
     * @param value the constant's value, read as this table's {@link Width} says
     * @return the constant's name, or null
     */
    public String find(long value) {
        ensureFilled();
        return byValue.get(width == Width.UNSIGNED_32 ? value & 0xffffffffL : value);
    }

    private String shown(long value) {
        return switch (width) {
            case SIGNED -> Long.toString(value);
            case UNSIGNED_32 -> Long.toString(value & 0xffffffffL);
            case UNSIGNED_64 -> Long.toUnsignedString(value);
        };
    }

    /**
     * The value of a name.
     *
     * @param name the constant's name, in any case, with or without the family's prefix
     * @return the constant's value
     * @throws KeyError when the family has no constant of that name
     */
    public long value(String name) {
        ensureFilled();
        Long v = byName.get(name.toLowerCase(Locale.ROOT));
        if (v == null) throw new KeyError(nameMissing + ": " + name);
        return v;
    }

    /** @return the names of the family, one per value, in the order the values were added */
    public List<String> names() {
        ensureFilled();
        return Collections.unmodifiableList(new ArrayList<>(byValue.values()));
    }

    /** @return what the constants are (e.g. "CRL reason"), as documentation says it */
    public String what() {
        return what;
    }

    /** @return the prefix a name may be given without */
    public String prefix() {
        return prefix;
    }
}
