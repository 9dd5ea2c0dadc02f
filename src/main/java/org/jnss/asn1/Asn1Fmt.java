package org.jnss.asn1;

import org.jnss.natives.Layout;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;
import org.jnss.natives.ThreadBuffer;

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

    /**
     * A DER INTEGER's value in the smallest Java type that holds it, so that
     * Python sees an int where python-nss returns one and a long beyond that.
     *
     * @param contents the two's complement octets (no tag or length); null or
     *        empty for 0 (see {@link DerFormat#integer})
     * @return an Integer, Long or BigInteger
     */
    public static Object pyInt(byte[] contents) {
        if (contents == null || contents.length == 0) return 0;
        if (contents.length <= 8) {       // (a certificate's version and most serials: no BigInteger)
            long v = contents[0];
            for (int i = 1; i < contents.length; i++) v = (v << 8) | (contents[i] & 0xff);
            return v == (int) v ? (Object) (int) v : (Object) v;
        }
        BigInteger v = new BigInteger(contents);
        if (v.bitLength() < 32) return v.intValue();
        if (v.bitLength() < 64) return v.longValue();
        return v;
    }

    /**
     * A number in decimal and hex, as Python's {@code '%d (%#x)' % (v, v)}:
     * "65537 (0x10001)".
     *
     * @param v the number
     * @return the text
     */
    public static String decHex(BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return v.toString() + " (" + hex + ")";
    }

    /**
     * Two numbers as Python's {@code '%d (%#x)' % (shown, v)}, e.g. a
     * certificate's version "3 (0x2)".
     *
     * @param shown the number shown in decimal
     * @param v the number shown in hex
     * @return the text
     */
    public static String decHex(BigInteger shown, BigInteger v) {
        String hex = v.signum() < 0 ? "-0x" + v.negate().toString(16) : "0x" + v.toString(16);
        return shown.toString() + " (" + hex + ")";
    }

    /**
     * Appends an integer's lines as python-nss renders key numbers: hex lines
     * when it has more than 8 octets, else one "n (0xn)" line.
     *
     * @param lines the lines to append to
     * @param level the indentation level
     * @param contents the INTEGER's contents (two's complement, big-endian)
     */
    public static void integerLines(Lines lines, int level, byte[] contents) {
        if (contents.length > 8) {
            lines.hex(level, contents);
        } else {
            lines.text(level, decHex(DerFormat.integer(contents)));
        }
    }

    // ---- times -----------------------------------------------------------

    /**
     * A time rendered as python-nss renders times, in UTC (NSPR's
     * PR_ExplodeTime with GMT parameters, then PR_FormatTime with
     * "%a %b %d %H:%M:%S %Y UTC"): "Sat Jan 01 00:00:00 2000 UTC". The names are
     * the C locale's, as under python-nss (Python 2 leaves the C library's
     * locale alone; the JVM sets it from the environment at start, so NSPR's
     * strftime would write "Do Okt 29" under a German locale). Every time a DER
     * UTCTime or GeneralizedTime can hold from year 1 to 9999 is written
     * here, with NSPR's proleptic Gregorian calendar and strftime's unpadded
     * year; anything else is left to NSPR (which renders the first day of year
     * 0 as "Jan 00").
     *
     * @param prtime microseconds since the epoch (a PRTime)
     * @return the text as a byte string
     */
    public static String timeString(long prtime) {
        if (prtime >= FIRST_YEAR_1 && prtime < FIRST_YEAR_10000) return cLocaleTime(prtime);
        return nsprTime(prtime);
    }

    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z as PRTimes. */
    private static final long FIRST_YEAR_1 = -62135596800L * 1_000_000L, FIRST_YEAR_10000 = 253402300800L * 1_000_000L;
    private static final byte[] WEEKDAYS = "SunMonTueWedThuFriSat".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static String cLocaleTime(long prtime) {
        long seconds = Math.floorDiv(prtime, 1_000_000L);
        long day = Math.floorDiv(seconds, 86_400L);
        int second = (int) Math.floorMod(seconds, 86_400L);
        java.time.LocalDate date = java.time.LocalDate.ofEpochDay(day);
        int weekday = (int) Math.floorMod(day + 4, 7L);     // 1970-01-01 was a Thursday; Sunday is 0
        byte[] out = new byte[32];
        int n = 0;
        n = put3(out, n, WEEKDAYS, weekday);
        out[n++] = ' ';
        n = put3(out, n, MONTHS, date.getMonthValue() - 1);
        out[n++] = ' ';
        n = put2(out, n, date.getDayOfMonth());
        out[n++] = ' ';
        n = put2(out, n, second / 3600);
        out[n++] = ':';
        n = put2(out, n, second / 60 % 60);
        out[n++] = ':';
        n = put2(out, n, second % 60);
        out[n++] = ' ';
        for (byte c : Integer.toString(date.getYear()).getBytes(java.nio.charset.StandardCharsets.US_ASCII)) out[n++] = c;
        out[n++] = ' ';
        out[n++] = 'U';
        out[n++] = 'T';
        out[n++] = 'C';
        return BStr.of(java.util.Arrays.copyOf(out, n));
    }

    private static int put3(byte[] out, int n, byte[] names, int i) {
        System.arraycopy(names, 3 * i, out, n, 3);
        return n + 3;
    }

    private static int put2(byte[] out, int n, int v) {
        out[n] = (byte) ('0' + v / 10);
        out[n + 1] = (byte) ('0' + v % 10);
        return n + 2;
    }

    /**
     * {@link #timeString} by NSPR itself (PR_ExplodeTime, PR_FormatTime), in
     * the C library's current locale: for times outside years 1 to 9999, and
     * for the tests that compare the two.
     *
     * @param prtime microseconds since the epoch (a PRTime)
     * @return the text as a byte string
     */
    public static String nsprTime(long prtime) {
        // the exploded time, then the text, in the thread's buffer: NSPR's calls take addresses
        // only (a Java array or String argument is copied, and a String encoded, at each call)
        try (ThreadBuffer b = ThreadBuffer.take(TIME_TEXT_AT + TIME_TEXT_SIZE)) {
            long tm = b.address();
            Mem.zero(tm, TIME_TEXT_AT);
            Nspr4.PR_ExplodeTime(prtime, Nspr4.PR_GMT_PARAMETERS, tm);
            int n = Nspr4.PR_FormatTime(tm + TIME_TEXT_AT, TIME_TEXT_SIZE, TIME_FORMAT_C, tm);
            return BStr.of(n > 0 ? Mem.read(tm + TIME_TEXT_AT, 0, n) : new byte[0]);
        }
    }

    /** {@link #TIME_FORMAT} as a C string, made once for the process. */
    private static final long TIME_FORMAT_C = Mem.newCString(TIME_FORMAT);
    /** where the text goes in the buffer, after the exploded time (8-byte aligned) */
    private static final int TIME_TEXT_AT = (Layout.EXPLODED_TIME_SIZE + 7) & ~7;
    /** room for the text (the format makes 28 characters) */
    private static final int TIME_TEXT_SIZE = 100;

    /**
     * A UTCTime or GeneralizedTime value decoded by NSS (DER_UTCTimeToTime or
     * DER_GeneralizedTimeToTime), in place.
     *
     * @param item a native SECItem holding the time's characters (without tag
     *             and length); its owner must stay acquired during the call
     * @param generalized true for a GeneralizedTime, false for a UTCTime
     * @return microseconds since the epoch, or null when NSS cannot decode it
     */
    public static Long derTime(long item, boolean generalized) {
        try (ThreadBuffer b = ThreadBuffer.take(8)) {
            long t = b.address();
            int rv = generalized ? Nss3.DER_GeneralizedTimeToTime(t, item) : Nss3.DER_UTCTimeToTime(t, item);
            return rv == 0 ? Mem.getLong(t, 0) : null;
        }
    }

    // ---- addresses ---------------------------------------------------------

    /**
     * An IP address as NSPR prints it (PR_NetAddrToString): dotted IPv4,
     * IPv6 text, an IPv4-mapped IPv6 address as IPv4.
     *
     * @param ip 4 or 16 octets in network order; any other length is rendered as hex
     * @return the text as a byte string
     */
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
        boolean inet = v4;
        byte[] inetBytes = v4bytes;
        byte[] text = Nspr4.netAddrText(addr -> {
            Mem.zero(addr, Layout.NETADDR_SIZE);
            if (inet) {
                Mem.setShort(addr, Layout.NETADDR_FAMILY, (short) 2);         // PR_AF_INET
                Mem.write(addr, Layout.NETADDR_INET_IP, inetBytes, 0, 4);
            } else {
                Mem.setShort(addr, Layout.NETADDR_FAMILY, (short) 10);        // PR_AF_INET6
                Mem.write(addr, Layout.NETADDR_IPV6_IP, ip, 0, 16);
            }
        });
        return text == null ? Codec.hex(ip) : BStr.of(text);
    }
}
