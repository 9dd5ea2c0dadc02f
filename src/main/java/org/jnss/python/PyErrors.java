package org.jnss.python;

import org.jnss.core.ArgumentError;
import org.jnss.core.NotFoundError;
import org.jnss.error.CertVerifyError;
import org.jnss.error.NSPRError;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.imp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** Maps every Java failure of the core to the Python exception python-nss raises; none escapes raw. */
public final class PyErrors {
    private PyErrors() {}

    private static volatile PyObject errorModule;

    /**
     * The Python exception for a Java failure of the core: NSPRError and
     * CertVerifyError become nss.error's classes (code, message, and a
     * CertVerifyError's usages and log), ArgumentError TypeError,
     * IllegalArgumentException ValueError, IndexOutOfBoundsException IndexError,
     * NotFoundError KeyError, NoSuchElementException StopIteration,
     * ArithmeticException OverflowError, IllegalStateException SystemError, and
     * so on; a PyException is returned as it is, anything unforeseen becomes a SystemError.
     *
     * @param t the failure
     * @return the exception to raise in Python
     */
    public static PyException map(Throwable t) {
        if (t instanceof PyException pe) return pe;
        if (t instanceof CertVerifyError e) {
            return raised(new PyObject[]{msg(e.getErrorMessage()), Py.newInteger(e.getErrorCode()), Py.None,
                    Py.newInteger(e.getUsages() & 0xFFFFFFFFL), Convert.toPy(e.getLog())});
        }
        if (t instanceof NSPRError e) {
            return raised(new PyObject[]{msg(e.getErrorMessage()), Py.newInteger(e.getErrorCode()), text(e.getErrorText())});
        }
        if (t instanceof org.jnss.core.UnicodeDecodeError u)
            return Py.UnicodeDecodeError(u.getEncoding(), org.python.core.util.StringUtil.fromBytes(u.getObject()),
                    u.getStart(), u.getEnd(), u.getReason());
        if (t instanceof ArgumentError) return Py.TypeError(t.getMessage());
        if (t instanceof org.jnss.core.AttributeError) return Py.AttributeError(t.getMessage());
        if (t instanceof org.jnss.core.InterpreterError) return Py.RuntimeError(t.getMessage());
        if (t instanceof IllegalArgumentException) return Py.ValueError(t.getMessage());
        if (t instanceof IndexOutOfBoundsException) return Py.IndexError(t.getMessage());
        if (t instanceof NotFoundError) return Py.KeyError(t.getMessage());
        if (t instanceof IllegalStateException) return Py.SystemError(String.valueOf(t.getMessage()));
        if (t instanceof NoSuchElementException) return Py.StopIteration(t.getMessage() == null ? "" : t.getMessage());
        if (t instanceof UnsupportedOperationException) return Py.NotImplementedError(t.getMessage());
        if (t instanceof ArithmeticException) return Py.OverflowError(t.getMessage());
        if (t instanceof OutOfMemoryError) return Py.MemoryError(String.valueOf(t.getMessage()));
        if (t instanceof UncheckedIOException u) return Py.IOError(u.getCause());
        if (t instanceof IOException io) return Py.IOError(io);
        if (t instanceof StackOverflowError) return Py.RuntimeError("maximum recursion depth exceeded");
        return Py.SystemError("internal error in the NSS binding: " + t);
    }

    /** nss.error's {@code _raised}: the NSPRError or CertVerifyError instance for these values. */
    private static PyException raised(PyObject[] args) {
        PyObject m = errorModule;
        if (m == null) errorModule = m = imp.importName("nss.error", false);
        PyObject inst = m.__getattr__("_raised").__call__(args);
        return new PyException(inst.getType(), inst);
    }

    /** NSPR's text for an error, which python-nss puts in front of the description; None when there is none. */
    private static PyObject text(String s) {
        return s == null ? Py.None : Convert.str(s);
    }

    private static PyObject msg(String s) {
        return s == null ? Py.None : Convert.str(s);
    }
}
