package org.jnss.core;

import java.math.BigInteger;

/**
 * Python integers read the way python-nss's C code reads them when it takes an
 * argument as an object and converts it itself (rather than through a
 * PyArg format): a bool, int or long is an integer; its value is taken as C's
 * {@code long} (64 bits), and one that does not fit is Python's OverflowError.
 */
public final class CInts {
    /** The OverflowError message of a Python integer that does not fit a C long. */
    public static final String TOO_LARGE = "Python int too large to convert to C long";

    private CInts() {}

    /**
     * Whether a value is a Python integer (bool, int or long) as the Python
     * surface hands it to the core.
     *
     * @param v a Boolean, Integer, Long, BigInteger, or anything else
     * @return true for those four types
     */
    public static boolean isInteger(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Boolean || v instanceof BigInteger;
    }

    /**
     * The value of a Python integer as a C long.
     *
     * @param v a Boolean, Integer, Long or BigInteger (see {@link #isInteger})
     * @return its value
     * @throws ArithmeticException (OverflowError) "Python int too large to convert
     *         to C long" when it needs more than 64 signed bits
     * @throws ClassCastException when v is not an integer
     */
    public static long asLong(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) throw new ArithmeticException(TOO_LARGE);
            return b.longValue();
        }
        return ((Number) v).longValue();
    }

    /**
     * The value of a Python integer as C code that ignores PyLong_AsLong's
     * failure reads it: -1 for an integer that does not fit a C long (the
     * OverflowError is then replaced by the error the -1 causes).
     *
     * @param v a Boolean, Integer, Long or BigInteger (see {@link #isInteger})
     * @return its value, or -1 when it needs more than 64 signed bits
     */
    public static long asLongOrFailed(Object v) {
        return v instanceof BigInteger b && b.bitLength() > 63 ? -1 : asLong(v);
    }
}
