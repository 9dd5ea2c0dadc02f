/**
 * The Python face: the generic binder that turns {@code @Python} declarations into
 * Jython modules, types, functions and properties with CPython's argument rules, and
 * {@link org.jnss.python.Main}, the {@code pynss} command line.
 */
package org.jnss.python;
