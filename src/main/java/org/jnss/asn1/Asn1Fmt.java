package org.jnss.asn1;

import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Renderings of single values shared by the formatters, as python-nss renders
 * them: hex, integers, times and IP addresses. Results are byte strings
 * ({@link BStr}). DER values are rendered by {@link DerFormat}, OIDs described
 * by {@link Oids}.
 */
public final class Asn1Fmt {
    private Asn1Fmt() {}

    static final String TIME_FORMAT = "%a %b %d %H:%M:%S %Y UTC";

    // ---- plain renderings --------------------------------------------------

    @SuppressWarnings("unchecked")
    static List<String> hexLines(byte[] data) {
        return (List<String>) Codec.dataToHex(data, 16, ":");
    }

    /** The Python int/long for a number: Integer, Long or BigInteger. */
    public static Object pyInt(BigInteger v) {
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        return v;
    }

    /** Python's {@code '%d (%#x)' % (v, v)}. */
    public static String decHex(BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return v.toString() + " (" + hex + ")";
    }

    /** Python's {@code '%d (%#x)' % (shown, v)}. */
    public static String decHex(BigInteger shown, BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return shown.toString() + " (" + hex + ")";
    }

    /** python-nss's secitem_integer_format_lines: hex lines above 8 octets, else "n (0xn)". */
    public static void integerLines(Lines lines, int level, byte[] contents) {
        if (contents.length > 8) {
            lines.hex(level, contents);
        } else {
            lines.text(level, decHex(DerFormat.integer(contents)));
        }
    }

    // ---- times -----------------------------------------------------------

    /** PRTime (microseconds) rendered as python-nss renders times, in UTC. */
    public static String timeString(long prtime) {
        long tm = Mem.calloc(Layout.EXPLODED_TIME_SIZE);
        try {
            Nspr4.PR_ExplodeTime(prtime, Nspr4.PR_GMT_PARAMETERS, tm);
            byte[] buf = new byte[100];
            Nspr4.PR_FormatTime(buf, buf.length, TIME_FORMAT, tm);
            int len = 0;
            while (len < buf.length && buf[len] != 0) len++;
            return BStr.of(java.util.Arrays.copyOf(buf, len));
        } finally {
            Mem.free(tm);
        }
    }

    /** DER_UTCTimeToTime / DER_GeneralizedTimeToTime of an item, or null on failure. */
    public static Long derTime(byte[] item, int siType, boolean generalized) {
        try (Scratch s = new Scratch()) {
            long[] t = new long[1];
            long native_ = s.item(item, siType);
            int rv = generalized ? Nss3.DER_GeneralizedTimeToTime(t, native_) : Nss3.DER_UTCTimeToTime(t, native_);
            return rv == 0 ? t[0] : null;
        }
    }

    // ---- addresses ---------------------------------------------------------

    /** An IPv4/IPv6 address as NSPR prints it (v4-mapped v6 as v4), other lengths as hex. */
    public static String ipAddress(byte[] ip) {
        if (ip.length != 4 && ip.length != 16) return Codec.hex(ip);
        boolean v4 = ip.length == 4;
        byte[] v4bytes = ip;
        if (!v4) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) if (ip[i] != 0) mapped = false;
            if ((ip[10] & 0xff) != 0xff || (ip[11] & 0xff) != 0xff) mapped = false;
            if (mapped) {
                v4 = true;
                v4bytes = java.util.Arrays.copyOfRange(ip, 12, 16);
            }
        }
        long addr = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            if (v4) {
                Mem.setShort(addr, Layout.NETADDR_FAMILY, (short) 2);         // PR_AF_INET
                Mem.write(addr, Layout.NETADDR_INET_IP, v4bytes, 0, 4);
            } else {
                Mem.setShort(addr, Layout.NETADDR_FAMILY, (short) 10);        // PR_AF_INET6
                Mem.write(addr, Layout.NETADDR_IPV6_IP, ip, 0, 16);
            }
            byte[] buf = new byte[1024];
            if (Nspr4.PR_NetAddrToString(addr, buf, buf.length) != 0) return Codec.hex(ip);
            int len = 0;
            while (len < buf.length && buf[len] != 0) len++;
            return BStr.of(java.util.Arrays.copyOf(buf, len));
        } finally {
            Mem.free(addr);
        }
    }
}
