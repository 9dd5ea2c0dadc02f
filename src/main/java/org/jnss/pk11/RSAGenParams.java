package org.jnss.pk11;

import org.jnss.core.CInts;
import org.jnss.core.Peered;

import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;

/**
 * RSA key generation parameters (NSS's PK11RSAGenParams), Python's
 * {@code nss.nss.RSAGenParams}: the key size in bits (a C int) and the public
 * exponent (a C unsigned long), as {@link PK11Slot#generateKeyPair} takes them
 * for the RSA mechanisms. Made with {@link #create} ({@code RSAGenParams()} in
 * Python); a plain Java object with no native state.
 *
 * <p>python-nss 1.0.1 quirks kept: the keyword of the exponent is
 * {@code exponent}, and the {@code public_exponent} property reads the key
 * size (str() shows the exponent).
 */
public final class RSAGenParams extends Peered {
    private int keySizeInBits;
    /** the unsigned long exponent, as its 64 bits */
    private long publicExponent;

    private RSAGenParams(int keySizeInBits, long publicExponent) {
        this.keySizeInBits = keySizeInBits;
        this.publicExponent = publicExponent;
    }

    /**
     * Makes RSA key generation parameters.
     *
     * @param keySize  the modulus size in bits (default 1024), within a C int
     * @param exponent the public exponent (default 0x10001, 65537): an int, long or
     *                 bool, taken as a C unsigned long (masked to 64 bits)
     * @return the parameters
     * @throws ArithmeticException (Python's OverflowError) when {@code keySize} does not fit a C int
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code exponent} is not an integer
     */
    @Python("RSAGenParams(key_size=1024, exponent=0x10001)")
    public static RSAGenParams create(long keySize, @Python.OrNone Object exponent) {
        if (keySize > Integer.MAX_VALUE) throw new ArithmeticException("signed integer is greater than maximum");
        if (keySize < Integer.MIN_VALUE) throw new ArithmeticException("signed integer is less than minimum");
        return new RSAGenParams((int) keySize, unsignedLong(exponent));
    }

    private static long unsignedLong(Object v) {
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger b) return b.longValue();
        throw new ArgumentError("RSAGenParams() argument 2 must be integer<k>, not "
                + (v == null ? "None" : PyTypeNames.of(v)));
    }

    int keySizeInBits() { return keySizeInBits; }

    long publicExponentBits() { return publicExponent; }

    /**
     * The modulus size in bits; a read-write int property ({@code key_size}) in Python.
     *
     * @return the key size in bits
     */
    @Python("key_size")
    public int getKeySize() { return keySizeInBits; }

    /**
     * Sets the modulus size in bits.
     *
     * @param value an int, long or bool (Python object, or its Java value); a long is cut to a C int
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code value} is not an
     *         integer, or null (deleting the attribute)
     * @throws ArithmeticException (Python's OverflowError) for an integer beyond a C long
     */
    @Python("key_size")
    public void setKeySize(@Python.Raw Object value) {
        keySizeInBits = (int) integer(value, "key_size");
    }

    /**
     * The {@code public_exponent} property as python-nss 1.0.1 reads it: it
     * returns the key size, not the exponent (a quirk kept; {@code str()} shows
     * the real exponent).
     *
     * @return the key size in bits
     */
    @Python("public_exponent")
    public int getPublicExponent() { return keySizeInBits; }

    /**
     * Sets the public exponent.
     *
     * @param value an int, long or bool (Python object, or its Java value)
     * @throws org.jnss.core.ArgumentError (Python's TypeError) when {@code value} is not an
     *         integer, or null (deleting the attribute)
     * @throws ArithmeticException (Python's OverflowError) for an integer beyond a C long
     */
    @Python("public_exponent")
    public void setPublicExponent(@Python.Raw Object value) {
        publicExponent = integer(value, "public_exponent");
    }

    /**
     * A setter's value as python-nss reads it: an int or long (else TypeError;
     * None is a deletion), converted as PyLong_AsLong does.
     */
    private static long integer(Object value, String name) {
        if (value == null) throw new ArgumentError("Cannot delete the " + name + " attribute");
        Object v = PyValues.toJava(value);
        if (CInts.isInteger(v)) return CInts.asLong(v);
        throw new ArgumentError(name + " must be a integer, not " + PyTypeNames.of(value));
    }

    /**
     * The parameters as text, Python's {@code str()}.
     *
     * @return "key_size=N public_exponent=E", the exponent as an unsigned number
     */
    @Python("__str__()")
    public String str() {
        return "key_size=" + keySizeInBits + " public_exponent=" + Long.toUnsignedString(publicExponent);
    }

    /** As python-nss's {@code str()}: {@link #str()}. */
    @Override
    public String toString() {
        return str();
    }
}
