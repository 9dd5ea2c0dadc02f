package org.jnss.io;

import org.jnss.natives.Layout;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.nio.ByteOrder;

/**
 * NSPR input/output for Python: sockets, network addresses, host lookups.
 *
 * <p>The {@code nss.io} module of python-nss 1.0.1, over the system NSPR
 * library: TCP and UDP sockets ({@code Socket}, the base of
 * {@code nss.ssl.SSLSocket}), network addresses ({@code NetworkAddress}), host
 * and address lookups ({@code HostEntry}, {@code AddrInfo}), polling, byte
 * order conversions and NSPR's time intervals. NSPR initialises itself on
 * first use; nothing here needs NSS. Failures are raised as
 * {@code nss.error.NSPRError}.
 *
 * <p>Times are NSPR intervals ({@code PRIntervalTime}): unsigned 32-bit counts
 * of platform ticks, not seconds. {@link #ticksPerSecond()} says how long a tick
 * is; the {@code *_to_interval} and {@code interval_to_*} functions convert.
 * {@code PR_INTERVAL_NO_TIMEOUT} and {@code PR_INTERVAL_NO_WAIT} are the two
 * special values a socket call accepts as its timeout.
 *
 * <p>Constants, by family:
 * <ul>
 * <li>{@code PR_AF_*}: address families (IPv4, IPv6, local, unspecified).
 * <li>{@code PR_AI_*}: flags of an address lookup ({@code AddrInfo}).
 * <li>{@code PR_DESC_*}: kinds of file descriptor (TCP or UDP socket, file,
 *     pipe, layer).
 * <li>{@code PR_IpAddr*}: special addresses a {@code NetworkAddress} can be
 *     set to (any, loopback, none, IPv4-mapped).
 * <li>{@code PR_INTERVAL_*}: special and limit time intervals
 *     ({@code PR_INTERVAL_NO_TIMEOUT} waits for ever, {@code PR_INTERVAL_NO_WAIT}
 *     not at all).
 * <li>{@code PR_POLL_*}: poll() event flags.
 * <li>{@code PR_SHUTDOWN_*}: which direction a socket's shutdown() closes.
 * <li>{@code PR_SockOpt_*}: socket options of get_socket_option() and
 *     set_socket_option().
 * </ul>
 *
 * @implNote This class holds the module's functions as static methods and,
 * through {@link IoConstants}, its constants; it has no instances. The
 * module's types are {@link NetworkAddress}, {@link AddrInfo},
 * {@link HostEntry} and {@link Socket}.
 */
@Python.Module(value = "nss.io", types = {NetworkAddress.class, AddrInfo.class, HostEntry.class, Socket.class})
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

    /**
     * Converts a 16-bit value from network byte order (big-endian) to this
     * machine's byte order. Only the low 16 bits of the argument are used.
     *
     * @param net a value in network byte order
     * @return the value in host byte order, 0 to 65535
     * @throws ArithmeticException (OverflowError in Python) if net does not fit a C int
     */
    @Python("ntohs(net, /)")
    public static int ntohs(long net) {
        return swap16(net);
    }

    /**
     * Converts a 16-bit value from this machine's byte order to network byte
     * order (big-endian). Only the low 16 bits of the argument are used.
     *
     * @param host a value in host byte order
     * @return the value in network byte order, 0 to 65535
     * @throws ArithmeticException (OverflowError in Python) if host does not fit a C int
     */
    @Python("htons(host, /)")
    public static int htons(long host) {
        return swap16(host);
    }

    /**
     * Converts a 32-bit value from network byte order (big-endian) to this
     * machine's byte order.
     *
     * @param net a value in network byte order
     * @return the value in host byte order, as a signed 32-bit integer (as python-nss returns it)
     * @throws ArithmeticException (OverflowError in Python) if net does not fit a C int
     */
    @Python("ntohl(net, /)")
    public static int ntohl(long net) {
        return swap32(net);
    }

    /**
     * Converts a 32-bit value from this machine's byte order to network byte
     * order (big-endian).
     *
     * @param host a value in host byte order
     * @return the value in network byte order, as a signed 32-bit integer (as python-nss returns it)
     * @throws ArithmeticException (OverflowError in Python) if host does not fit a C int
     */
    @Python("htonl(host, /)")
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

    /**
     * Looks up a protocol by name in the system's protocol database
     * (PR_GetProtoByName), e.g. {@code "tcp"}.
     *
     * @param name the protocol's name or one of its aliases
     * @return the protocol number, e.g. 6 for TCP
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if no protocol has that name
     */
    @Python("get_proto_by_name(name, /)")
    public static int getProtoByName(String name) {
        byte[] cName = Mem.utf8z(name);
        return (Integer) protoLookup((buf, size, ent) -> Nspr4.PR_GetProtoByName(cName, buf, size, ent))[2];
    }

    /**
     * Looks up a protocol by number in the system's protocol database
     * (PR_GetProtoByNumber), e.g. 6 for TCP.
     *
     * @param number the protocol number
     * @return a two-item array (a tuple in Python): the protocol's official
     *         name (str) and an array (tuple) of its aliases
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if no protocol has that number
     */
    @Python("get_proto_by_number(number, /)")
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

    /**
     * Reads NSPR's interval clock (PR_IntervalNow): ticks since an arbitrary
     * starting point. Only differences of two readings mean something; the
     * count wraps around at 2**32, so take differences modulo 2**32.
     *
     * @return the current tick count, 0 to 2**32 - 1
     */
    @Python("interval_now()")
    public static long intervalNow() {
        return unsigned(Nspr4.PR_IntervalNow());
    }

    /**
     * Tells how many interval ticks make one second on this platform
     * (PR_TicksPerSecond); NSPR keeps it between {@code PR_INTERVAL_MIN} (1000)
     * and {@code PR_INTERVAL_MAX} (100000).
     *
     * @return ticks per second
     */
    @Python("ticks_per_second()")
    public static long ticksPerSecond() {
        return unsigned(Nspr4.PR_TicksPerSecond());
    }

    /**
     * Converts a number of seconds to interval ticks (PR_SecondsToInterval),
     * e.g. for a socket timeout.
     *
     * @param seconds the duration in seconds; only the low 32 bits are used, as C's unsigned int conversion does
     * @return the duration in ticks, truncated to 32 bits
     */
    @Python("seconds_to_interval(seconds, /)")
    public static long secondsToInterval(@Python.Unsigned('I') long seconds) {
        return unsigned(Nspr4.PR_SecondsToInterval(cUInt(seconds)));
    }

    /**
     * Converts a number of milliseconds to interval ticks
     * (PR_MillisecondsToInterval).
     *
     * @param milliseconds the duration in milliseconds; only the low 32 bits are used
     * @return the duration in ticks, truncated to 32 bits
     */
    @Python("milliseconds_to_interval(milliseconds, /)")
    public static long millisecondsToInterval(@Python.Unsigned('I') long milliseconds) {
        return unsigned(Nspr4.PR_MillisecondsToInterval(cUInt(milliseconds)));
    }

    /**
     * Converts a number of microseconds to interval ticks
     * (PR_MicrosecondsToInterval), rounded to the nearest tick.
     *
     * @param microseconds the duration in microseconds; only the low 32 bits are used
     * @return the duration in ticks, truncated to 32 bits
     */
    @Python("microseconds_to_interval(microseconds, /)")
    public static long microsecondsToInterval(@Python.Unsigned('I') long microseconds) {
        return unsigned(Nspr4.PR_MicrosecondsToInterval(cUInt(microseconds)));
    }

    /**
     * Converts interval ticks to whole seconds (PR_IntervalToSeconds), rounding down.
     *
     * @param interval a duration in ticks; only the low 32 bits are used
     * @return the duration in seconds
     */
    @Python("interval_to_seconds(interval, /)")
    public static long intervalToSeconds(@Python.Unsigned('I') long interval) {
        return unsigned(Nspr4.PR_IntervalToSeconds(cUInt(interval)));
    }

    /**
     * Converts interval ticks to milliseconds (PR_IntervalToMilliseconds).
     *
     * @param interval a duration in ticks; only the low 32 bits are used
     * @return the duration in milliseconds, truncated to 32 bits
     */
    @Python("interval_to_milliseconds(interval, /)")
    public static long intervalToMilliseconds(@Python.Unsigned('I') long interval) {
        return unsigned(Nspr4.PR_IntervalToMilliseconds(cUInt(interval)));
    }

    /**
     * Converts interval ticks to microseconds (PR_IntervalToMicroseconds).
     *
     * @param interval a duration in ticks; only the low 32 bits are used
     * @return the duration in microseconds, truncated to 32 bits
     */
    @Python("interval_to_microseconds(interval, /)")
    public static long intervalToMicroseconds(@Python.Unsigned('I') long interval) {
        return unsigned(Nspr4.PR_IntervalToMicroseconds(cUInt(interval)));
    }

    /** Item i of a list python-nss exposes as a tuple ("tuple index out of range" outside it). */
    static <T> T tupleItem(java.util.List<T> items, long i) {
        if (i < 0 || i >= items.size()) throw new IndexOutOfBoundsException("tuple index out of range");
        return items.get((int) i);
    }

    // ---- names -------------------------------------------------------------------

    /**
     * Names an address family constant: {@code PR_AF_INET}, {@code PR_AF_INET6},
     * {@code PR_AF_LOCAL} or {@code PR_AF_UNSPEC}; any other value gives
     * {@code "unknown(0x..)"} with the value in hexadecimal. Never fails.
     *
     * @param family an address family value
     * @return the constant's name (str)
     */
    @Python("addr_family_name(family, /)")
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
