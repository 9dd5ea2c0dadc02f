package org.jnss.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one source of truth for how a core member appears in Python.
 *
 * <p>On a method or constructor the value is the python-nss signature,
 * {@code "name(arg, opt=default, *user_data)"}; defaults are Python
 * expressions evaluated once in the module namespace (so constants may be
 * named). On a no-argument method without parentheses ({@code "subject"}) it
 * is a read-only property. A static method of a type is a staticmethod; a
 * constructor (named as its class) is the type's constructor. Special methods
 * ({@code __str__}, {@code __len__}, {@code __getitem__}, ...) are written the
 * same way. The core stays plain Java: nothing here needs Jython.
 *
 * <p>Documentation: the Javadoc of the annotated member (and of a module or
 * exposed class) is its Python docstring too, under the signature; the build
 * turns it into plain text ({@code @param} under the Python parameter names,
 * {@code @throws} as the Python exception raised), and leaves
 * {@code @implNote} to Java readers. Write it for both: what it does, in
 * Python's terms, without repeating the signature.
 *
 * <p>Signature details: parameters before a {@code /} are positional-only
 * (python-nss's {@code PyArg_ParseTuple} functions; a signature without
 * parameters is positional-only as well). A parameter whose default is
 * {@code None} accepts None (passed as null); any other parameter rejects None
 * with python-nss's TypeError unless annotated {@link OrNone}. An empty
 * default ({@code pem_type=}) makes a parameter optional without a Python
 * default: when omitted the method receives null; None given to such an
 * {@code Object} parameter arrives as the Python None object itself, a value
 * of the wrong type (python-nss's "O" formats tell the two apart).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Python {
    /**
     * The Python face of the member.
     *
     * @return the Python signature (callables) or name (properties, attributes)
     */
    String value();

    /**
     * Whether a String result reaches Python as unicode.
     *
     * @return true to return a String result as unicode instead of str
     */
    boolean unicode() default false;

    /** Marks a core class as the implementation of a python-nss module. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Module {
        /**
         * The module's name.
         *
         * @return the Python module name, e.g. "nss.nss"
         */
        String value();

        /**
         * The module's types.
         *
         * @return the classes exposed as Python types of that module, in order
         */
        Class<?>[] types() default {};

        /**
         * Where else the module's functions are declared.
         *
         * @return further classes whose static {@code @Python} methods are functions of the module too
         */
        Class<?>[] functions() default {};
    }

    /** Optional on an exposed class: its Python name (default: the Java simple name); its docstring is its Javadoc. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface Type {
        /**
         * The type's Python name.
         *
         * @return the name, or "" for the Java simple name
         */
        String value() default "";
    }

    /**
     * On a static {@link NameTable} field of a module's class: the table is the
     * pair of module functions python-nss has for such a family, the lookup of
     * a value's name ({@link NameTable#name(long)}, its argument read with
     * CPython's unsigned "k" conversion) and of a name's value
     * ({@link NameTable#value(String)}).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Lookup {
        /**
         * The value-to-name function.
         *
         * @return its Python signature, e.g. {@code "cert_crl_reason_name(reason, /)"}
         */
        String name();

        /**
         * The name-to-value function.
         *
         * @return its Python signature, e.g. {@code "cert_crl_reason_from_name(name, /)"}
         */
        String value();
    }

    /**
     * On the key parameter of a {@code __getitem__} ({@code long}, or
     * {@code Object} where slices or string keys are accepted too): CPython 2's
     * sequence-index rules, applied by the binder. An int, long or bool (or an
     * object with {@code __index__}) is the index, a negative one counted from
     * the end (the object's {@code __len__()} is added); one that does not fit
     * 64 bits is IndexError "cannot fit 'long' into an index-sized integer". A
     * slice arrives as {@link Slice} and a str, unicode or SecItem as itself
     * only where declared; any other key is a TypeError with
     * {@link #notInteger()}. The core checks the range itself: its IndexError
     * message is the type's own.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Index {
        /**
         * The TypeError message for a key that is not an index.
         *
         * @return a format whose {@code %s} is the key's Python type name
         */
        String notInteger() default "sequence index must be integer, not '%s'";

        /**
         * Whether a slice is accepted.
         *
         * @return true to pass a slice on as a {@link Slice}
         */
        boolean slices() default false;

        /**
         * Whether str, unicode and SecItem keys are accepted.
         *
         * @return true to pass such keys on as String or SecItem
         */
        boolean keys() default false;
    }

    /**
     * On an {@code Object} parameter: the binder passes the Python object itself,
     * unconverted (None included), for functions that must see exactly what
     * they were given (str or unicode, list or tuple, int or long); the core
     * reads it through {@link PyObjects}.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Raw {}

    /**
     * On an {@code int} or {@code long} parameter python-nss parses with one of
     * CPython's unsigned formats, which mask instead of raising OverflowError
     * (an int parameter without it is C's {@code "i"}: OverflowError outside
     * -2**31 .. 2**31 - 1; a long one {@code "l"}). {@code 'k'} (the default), as
     * python-nss parses mechanisms and reason codes: an int, long or bool masked
     * to 64 bits; anything else is "argument N must be integer&lt;k&gt;, not T".
     * {@code 'I'}, as it parses timeouts and intervals: masked to 32 bits (0 ..
     * 2**32 - 1); a float or a non-integer is the TypeError of {@code "i"}. An int
     * parameter receives the low 32 bits (2**31 .. 2**32 - 1 as negative ints).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Unsigned {
        /** @return the C format: {@code 'k'} (unsigned long) or {@code 'I'} (unsigned int) */
        char value() default 'k';
    }

    /** On a parameter: Python None is accepted (and passed as null) although the default is not None. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface OrNone {}

    /**
     * On a {@code boolean} parameter that python-nss parses as a C int
     * ({@code "i"}): int, long or bool, nonzero is true; None, str, float and
     * other objects are CPython's TypeError. Without it a boolean parameter
     * takes any object's truth value, as python-nss's {@code PyObject_IsTrue}
     * parameters do.
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface IntFlag {}

    /**
     * On a {@code boolean} parameter that python-nss requires to be a bool
     * ({@code "O!"} with bool's type): anything else is TypeError "argument N
     * must be bool, not X".
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface BoolOnly {}
}
