package org.jnss.pk11;

import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.PyValues;
import org.jnss.core.Python;

/**
 * RSA key generation parameters (NSS's PK11RSAGenParams): the key size in
 * bits (a C int) and the public exponent (a C unsigned long), as
 * PK11Slot.generate_key_pair() takes them for the RSA mechanisms.
 *
 * <p>python-nss 1.0.1 quirks kept: the keyword of the exponent is
 * {@code exponent}, and the {@code public_exponent} property reads the key
 * size (str() shows the exponent).
 */
@Python.Type(doc = "RSAGenParams(key_size=1024, public_exponent=0x10001)\n\n"
        + ":Parameters:\n"
        + "    key_size : integer\n"
        + "        RSA key size in bits.\n"
        + "    public_exponent : integer\n"
        + "        public exponent.\n\n"
        + "An object representing RSAGenParams.\n")
public final class RSAGenParams {
    private int keySizeInBits;
    /** the unsigned long exponent, as its 64 bits */
    private long publicExponent;

    private RSAGenParams(int keySizeInBits, long publicExponent) {
        this.keySizeInBits = keySizeInBits;
        this.publicExponent = publicExponent;
    }

    /** key_size is a C int ("i"); exponent a C unsigned long ("k": any int or long, masked to 64 bits). */
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

    @Python("key_size")
    public int getKeySize() { return keySizeInBits; }

    @Python("key_size")
    public void setKeySize(@Python.Raw Object value) {
        keySizeInBits = (int) integer(value, "key_size");
    }

    /** python-nss 1.0.1 returns the key size here. */
    @Python("public_exponent")
    public int getPublicExponent() { return keySizeInBits; }

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
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof Integer || v instanceof Long) return ((Number) v).longValue();
        if (v instanceof java.math.BigInteger) throw new ArithmeticException("Python int too large to convert to C long");
        throw new ArgumentError(name + " must be a integer, not " + PyTypeNames.of(value));
    }

    @Python("__str__()")
    public String str() {
        return "key_size=" + keySizeInBits + " public_exponent=" + Long.toUnsignedString(publicExponent);
    }
}
