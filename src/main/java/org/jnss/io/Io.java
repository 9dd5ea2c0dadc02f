package org.jnss.io;

import org.jnss.natives.Layout;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.nio.ByteOrder;

/**
 * python-nss's {@code nss.io} module: NSPR sockets, network addresses, host
 * lookups and time intervals. NSPR initialises itself on first use; nothing
 * here needs NSS.
 */
@Python.Module(value = "nss.io", types = {NetworkAddress.class, AddrInfo.class, HostEntry.class, Socket.class},
        doc = "This module implements the NSPR IO functions")
public final class Io implements IoConstants {
    private Io() {}

    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** PR_NETDB_BUF_SIZE */
    private static final int NETDB_BUF_SIZE = 2048;
    /** sizeof(PRProtoEnt): p_name at 0, p_aliases at 8, p_num (int32) at 16 */

    // ---- byte order -----------------------------------------------------------

    /** C's "i" argument conversion: a value that does not fit an int is an OverflowError. */
    private static int cInt(long v) {
        if (v > Integer.MAX_VALUE) throw new ArithmeticException("signed integer is greater than maximum");
        if (v < Integer.MIN_VALUE) throw new ArithmeticException("signed integer is less than minimum");
        return (int) v;
    }

    private static int swap16(long v) {
        short s = (short) cInt(v);
        return Short.toUnsignedInt(LITTLE_ENDIAN ? Short.reverseBytes(s) : s);
    }

    private static int swap32(long v) {
        int i = cInt(v);
        return LITTLE_ENDIAN ? Integer.reverseBytes(i) : i;
    }

    @Python(value = "ntohs(net, /)", doc = "16 bit conversion from network to host byte order")
    public static int ntohs(long net) {
        return swap16(net);
    }

    @Python(value = "htons(host, /)", doc = "16 bit conversion from host to network byte order")
    public static int htons(long host) {
        return swap16(host);
    }

    @Python(value = "ntohl(net, /)", doc = "32 bit conversion from network to host byte order (a signed result)")
    public static int ntohl(long net) {
        return swap32(net);
    }

    @Python(value = "htonl(host, /)", doc = "32 bit conversion from host to network byte order (a signed result)")
    public static int htonl(long host) {
        return swap32(host);
    }

    // ---- protocols -----------------------------------------------------------

    /** Calls a PR_GetProtoBy* lookup with a zeroed PRProtoEnt; a lookup that finds nothing is an NSPRError. */
    private interface ProtoLookup {
        int call(long buf, int size, long ent);
    }

    private static Object[] protoLookup(ProtoLookup lookup) {
        long buf = Mem.calloc(NETDB_BUF_SIZE);
        long ent = Mem.calloc(Layout.PROTOENT_SIZE);
        try {
            if (lookup.call(buf, NETDB_BUF_SIZE, ent) != 0) throw NSPRError.last();
            long name = Mem.getPointer(ent, 0);
            // NSPR reports success for an unknown protocol and leaves the entry empty
            if (name == 0) throw new NSPRError(ErrorConstants.PR_DIRECTORY_LOOKUP_ERROR);
            java.util.List<String> aliases = new java.util.ArrayList<>();
            long list = Mem.getPointer(ent, 8);
            for (int i = 0; list != 0; i++) {
                long p = Mem.getPointer(list, (long) i * Mem.POINTER_SIZE);
                if (p == 0) break;
                aliases.add(Mem.cString(p));
            }
            return new Object[]{Mem.cString(name), aliases.toArray(), Mem.getInt(ent, 16)};
        } finally {
            Mem.free(ent);
            Mem.free(buf);
        }
    }

    @Python(value = "get_proto_by_name(name, /)", doc = "Returns the number of a protocol given its name; raises NSPRError if not found.")
    public static int getProtoByName(String name) {
        return (Integer) protoLookup((buf, size, ent) -> Nspr4.PR_GetProtoByName(name, buf, size, ent))[2];
    }

    /** Returns {name, aliases tuple}. */
    @Python(value = "get_proto_by_number(number, /)", doc = "Returns (name, aliases) of a protocol given its number:\n"
            + "name, aliases = get_proto_by_number(number). Raises NSPRError if not found.")
    public static Object[] getProtoByNumber(int number) {
        Object[] r = protoLookup((buf, size, ent) -> Nspr4.PR_GetProtoByNumber(number, buf, size, ent));
        return new Object[]{r[0], r[1]};
    }

    // ---- intervals -------------------------------------------------------------

    /** C's "I" argument conversion: the low 32 bits. */
    private static int cUInt(long v) {
        return (int) v;
    }

    private static long unsigned(int v) {
        return Integer.toUnsignedLong(v);
    }

    @Python(value = "interval_now()", doc = "The current time as an interval (ticks since an arbitrary epoch),\n"
            + "for measuring elapsed time as a difference of two values.")
    public static long intervalNow() {
        return unsigned(Nspr4.PR_IntervalNow());
    }

    @Python(value = "ticks_per_second()", doc = "The number of interval ticks per second on this platform,\n"
            + "between PR_INTERVAL_MIN and PR_INTERVAL_MAX.")
    public static long ticksPerSecond() {
        return unsigned(Nspr4.PR_TicksPerSecond());
    }

    @Python(value = "seconds_to_interval(seconds, /)", doc = "Converts seconds to an interval.")
    public static long secondsToInterval(long seconds) {
        return unsigned(Nspr4.PR_SecondsToInterval(cUInt(seconds)));
    }

    @Python(value = "milliseconds_to_interval(milliseconds, /)", doc = "Converts milliseconds to an interval.")
    public static long millisecondsToInterval(long milliseconds) {
        return unsigned(Nspr4.PR_MillisecondsToInterval(cUInt(milliseconds)));
    }

    @Python(value = "microseconds_to_interval(microseconds, /)", doc = "Converts microseconds to an interval.")
    public static long microsecondsToInterval(long microseconds) {
        return unsigned(Nspr4.PR_MicrosecondsToInterval(cUInt(microseconds)));
    }

    @Python(value = "interval_to_seconds(interval, /)", doc = "Converts an interval to seconds.")
    public static long intervalToSeconds(long interval) {
        return unsigned(Nspr4.PR_IntervalToSeconds(cUInt(interval)));
    }

    @Python(value = "interval_to_milliseconds(interval, /)", doc = "Converts an interval to milliseconds.")
    public static long intervalToMilliseconds(long interval) {
        return unsigned(Nspr4.PR_IntervalToMilliseconds(cUInt(interval)));
    }

    @Python(value = "interval_to_microseconds(interval, /)", doc = "Converts an interval to microseconds.")
    public static long intervalToMicroseconds(long interval) {
        return unsigned(Nspr4.PR_IntervalToMicroseconds(cUInt(interval)));
    }

    /** Item i of a list python-nss exposes as a tuple ("tuple index out of range" outside it). */
    static <T> T tupleItem(java.util.List<T> items, long i) {
        if (i < 0 || i >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) i);
    }

    // ---- names -------------------------------------------------------------------

    @Python(value = "addr_family_name(family, /)", doc = "-> string\n\n"
            + "The name of an address family constant, e.g. 'PR_AF_INET'.")
    public static String addrFamilyName(int family) {
        return switch (family) {
            case PR_AF_INET -> "PR_AF_INET";
            case PR_AF_INET6 -> "PR_AF_INET6";
            case PR_AF_LOCAL -> "PR_AF_LOCAL";
            case PR_AF_UNSPEC -> "PR_AF_UNSPEC";
            default -> "unknown(0x" + Integer.toHexString(family) + ")";
        };
    }
}
