package org.jnss.nss;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Dotted-decimal <-> DER encoding of OBJECT IDENTIFIER contents. */
final class Oids {
    private Oids() {}

    static byte[] encode(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length < 2) throw new IllegalArgumentException("unable to convert to known OID");
        BigInteger first = new BigInteger(parts[0]), second = new BigInteger(parts[1]);
        if (first.compareTo(BigInteger.TWO) > 0 || (first.compareTo(BigInteger.TWO) < 0 && second.compareTo(BigInteger.valueOf(39)) > 0))
            throw new IllegalArgumentException("unable to convert to known OID");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        base128(first.multiply(BigInteger.valueOf(40)).add(second), out);
        for (int i = 2; i < parts.length; i++) base128(new BigInteger(parts[i]), out);
        return out.toByteArray();
    }

    private static void base128(BigInteger v, ByteArrayOutputStream out) {
        int groups = Math.max(1, (v.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = v.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    /** Dotted decimal of OID contents; malformed encodings are rendered as far as they are valid. */
    static String decode(byte[] der) {
        StringBuilder sb = new StringBuilder();
        BigInteger v = BigInteger.ZERO;
        boolean first = true;
        for (byte b : der) {
            v = v.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
            if ((b & 0x80) != 0) continue;
            if (first) {
                int a = v.compareTo(BigInteger.valueOf(80)) >= 0 ? 2 : v.intValue() / 40;
                sb.append(a).append('.').append(v.subtract(BigInteger.valueOf(40L * a)));
                first = false;
            } else {
                sb.append('.').append(v);
            }
            v = BigInteger.ZERO;
        }
        return sb.toString();
    }
}
