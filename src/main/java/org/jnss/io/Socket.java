package org.jnss.io;

import org.jnss.core.CInts;
import org.jnss.core.Warnings;
import org.jnss.core.NativeResource.Lease;
import org.jnss.natives.Layout;
import org.jnss.core.ArgumentError;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import org.jnss.natives.ThreadBuffer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An NSPR socket (PRFileDesc), TCP or UDP; Python's {@code nss.io.Socket}.
 * Made by its constructors, {@link #accept}, {@link #newTcpPair()} or
 * {@link #importTcpSocket}; {@code org.jnss.ssl.SSLSocket} extends it with TLS.
 *
 * <p>Blocking operations take an NSPR interval timeout ({@code
 * PR_INTERVAL_NO_TIMEOUT} waits for ever, {@code PR_INTERVAL_NO_WAIT} not at
 * all); a timeout is an {@link NSPRError} with code PR_IO_TIMEOUT_ERROR. As in
 * python-nss, {@link #readline}, {@link #read}, {@link #readlines} and
 * iteration share a read-ahead buffer with {@link #recv}.
 *
 * <p>Closing: {@link #close()} (Java, AutoCloseable) closes at once and is
 * idempotent; the Python {@code close()} ({@link #closeSocket}) first undoes
 * {@code makefile()} references, and fails with PR_BAD_DESCRIPTOR_ERROR on a
 * closed socket. Any use of a closed socket is an NSPRError
 * (PR_BAD_DESCRIPTOR_ERROR), except the reads, which raise ValueError
 * ("I/O operation on closed socket") as python-nss does. A socket the program
 * drops without closing is closed once the garbage collector finds it
 * unreachable.
 *
 * <p>Threads: one thread may read while another writes; a {@link #close()}
 * from any thread wakes the calls blocked in others. The read methods share
 * one lock, so reads from several threads are served one at a time.
 */
public class Socket extends NativeResource {
    /** sizeof(PRSocketOptionData): option (int) at 0, the value union at 8. */
    private static final int OPTION_DATA_SIZE = 232;
    private static final int OPT_VALUE = 8;
    /** sizeof(PRPollDesc): fd at 0, in_flags (int16) at 8, out_flags (int16) at 10. */
    private static final int POLL_DESC_SIZE = 16;
    /** read-ahead growth step */
    private static final int CHUNK = 8192;
    private static final String CLOSED_READ = "I/O operation on closed socket";
    /** PR_INTERVAL_NO_TIMEOUT as a (unsigned) Java int */
    private static final int NO_TIMEOUT = (int) IoConstants.PR_INTERVAL_NO_TIMEOUT;

    private volatile int family;
    private volatile NetworkAddress netaddr;
    private int makefileRefs;
    private final Object closeLock = new Object();
    private final AtomicInteger blockingCalls = new AtomicInteger();

    /**
     * Read-ahead data: buffered bytes are ahead[aheadStart, aheadStart + aheadLen). Taking
     * bytes moves the start (a line read no longer shifts the rest of the buffer down); the
     * bytes are moved to the front only when a receive needs the room. Guarded by readLock.
     */
    private byte[] ahead = new byte[0];
    private int aheadStart, aheadLen;
    private final ReentrantLock readLock = new ReentrantLock();

    /**
     * Takes ownership of an open PRFileDesc (for subclasses layering on NSPR
     * sockets, e.g. SSL): the socket closes it with PR_Close.
     *
     * @param fd     the PRFileDesc's address
     * @param family its address family ({@code PR_AF_*})
     */
    protected Socket(long fd, int family) {
        super(fd, Nspr4::PR_Close, false);
        this.family = family;
        weigh(HEAVY_WEIGHT);    // a file descriptor: a program that drops its sockets must not run out of them
    }

    /**
     * Opens a new, unconnected NSPR socket (PR_OpenTCPSocket or
     * PR_OpenUDPSocket): Python's {@code Socket(...)} constructor.
     *
     * @param family {@code PR_AF_INET}, {@code PR_AF_INET6} or {@code PR_AF_LOCAL};
     *               when omitted (null), {@code PR_AF_INET} with a DeprecationWarning
     *               (pass the family of the address you will use, e.g. {@code net_addr.family});
     *               read as python-nss reads it, a C long kept in an int
     * @param type   {@code PR_DESC_SOCKET_TCP} (the default) or {@code PR_DESC_SOCKET_UDP}
     * @throws IllegalArgumentException (ValueError) for another type
     * @throws NSPRError if NSPR cannot open the socket (e.g. PR_ADDRESS_NOT_SUPPORTED_ERROR)
     */
    @Python("Socket(family=, type=PR_DESC_SOCKET_TCP)")
    public Socket(Object family, int type) {
        this(open(familyOrDefault(family), type), familyOrDefault(family, false));
    }

    /**
     * Opens a new, unconnected NSPR socket of this family and type (Java's
     * form of the constructor, without the deprecated default family).
     *
     * @param family {@code PR_AF_INET}, {@code PR_AF_INET6} or {@code PR_AF_LOCAL}
     * @param type   {@code PR_DESC_SOCKET_TCP} or {@code PR_DESC_SOCKET_UDP}
     * @throws IllegalArgumentException for another type
     * @throws NSPRError if NSPR cannot open the socket
     */
    public Socket(int family, int type) {
        this(open(family, type), family);
    }

    /** Text of python-nss's DeprecationWarning for a socket made without a family. */
    static final String FAMILY_DEPRECATED = "Socket initialization will require family parameter in future, "
            + "default family parameter of PR_AF_INET is deprecated. Suggest using the family property of the "
            + "NetworkAddress object associated with the socket, e.g. Socket(net_addr.family)";

    /**
     * The family given, or PR_AF_INET with python-nss's DeprecationWarning
     * when none was; shared with the SSL socket's constructor.
     *
     * @param family a {@code PR_AF_*} value (an int), or null when the caller gave none
     * @return the family to open the socket with
     * @throws ArgumentError (TypeError) for a family that is not an int
     */
    protected static int familyOrDefault(Object family) {
        return familyOrDefault(family, true);
    }

    /**
     * The family as python-nss reads it: a C long stored in an int (2**31
     * becomes -2**31, which NSPR then refuses; one past 64 bits is -1, whose
     * error NSPR's replaces), PR_AF_INET when none was given.
     *
     * @param family the family given (an int), or null
     * @param warn whether a missing family issues python-nss's DeprecationWarning
     * @return the family NSPR is asked for
     * @throws ArgumentError (TypeError) "family must be int, not T" for another type
     */
    protected static int familyOrDefault(Object family, boolean warn) {
        if (CInts.isInteger(family)) return (int) CInts.asLongOrFailed(family);
        if (family != null) throw new ArgumentError("family must be int, not " + org.jnss.core.PyTypeNames.of(family));
        if (warn) Warnings.deprecation(FAMILY_DEPRECATED);
        return IoConstants.PR_AF_INET;
    }

    private static long open(int family, int type) {
        long fd;
        if (type == IoConstants.PR_DESC_SOCKET_TCP) fd = Nspr4.PR_OpenTCPSocket(family);
        else if (type == IoConstants.PR_DESC_SOCKET_UDP) fd = Nspr4.PR_OpenUDPSocket(family);
        else throw new IllegalArgumentException("type must be PR_DESC_SOCKET_TCP or PR_DESC_SOCKET_UDP");
        if (fd == 0) throw NSPRError.last();
        return fd;
    }

    /**
     * Counts a call that may block in NSPR while it runs (close() wakes such
     * calls); taken right before the call's lease, as in
     * {@code try (Blocking b = blocking(); Lease l = lease())}, so that a close
     * on another thread either sees the count or comes before the lease (which
     * then fails). The marker is one per socket, reused: the send/recv path
     * does not allocate.
     */
    private Blocking blocking() {
        blockingCalls.incrementAndGet();
        return blocking;
    }

    /** Ends the count of one blocking call (see {@link #blocking()}). */
    private final class Blocking implements AutoCloseable {
        @Override
        public void close() {
            blockingCalls.decrementAndGet();
        }
    }

    private final Blocking blocking = new Blocking();

    /**
     * Closes the socket now (idempotent; Java's AutoCloseable, not Python's
     * {@code close()}, which is {@link #closeSocket}). Calls blocked in other
     * threads are woken first by a shutdown of both directions; the descriptor
     * is closed when the last of them returns.
     */
    @Override
    public void close() {
        Lease l;
        try {
            l = lease();
        } catch (NSPRError closedAlready) {
            return;
        }
        try (l) {
            // closed first: a call that counts itself as blocking after this fails to take its
            // lease; one that counted itself before is seen here and woken (this lease keeps the
            // descriptor open until the shutdown is done; it is closed when the last lease ends)
            super.close();
            if (blockingCalls.get() > 0) Nspr4.PR_Shutdown(l.handle(), IoConstants.PR_SHUTDOWN_BOTH);
        }
    }

    /** Calls that may block, in progress now (for tests). */
    int blockingCalls() {
        return blockingCalls.get();
    }

    /**
     * Makes the Socket for a connection accepted by this one; subclasses (SSL)
     * return their own type.
     *
     * @param fd     the accepted PRFileDesc, owned by the result
     * @param family this socket's address family
     * @return the new socket
     */
    protected Socket accepted(long fd, int family) {
        return new Socket(fd, family);
    }

    /**
     * The error for use of a closed socket.
     *
     * @return an NSPRError with code PR_BAD_DESCRIPTOR_ERROR
     */
    @Override
    protected NSPRError closedError() {
        return new NSPRError("socket is closed", ErrorConstants.PR_BAD_DESCRIPTOR_ERROR);
    }

    // ---- properties --------------------------------------------------------

    /**
     * The socket's address family, as given when it was made (or assigned).
     *
     * @return {@code PR_AF_INET}, {@code PR_AF_INET6}, {@code PR_AF_LOCAL} or {@code PR_AF_UNSPEC}
     */
    @Python("family")
    public int getFamily() {
        return family;
    }

    /**
     * Changes the recorded family (python-nss exposes family as a writable
     * member). The socket itself is not changed: only the check that addresses
     * given to bind, connect and the like are of the socket's family.
     *
     * @param family a {@code PR_AF_*} value; as for a C int member in CPython, a
     *        value outside the int range is truncated to its low 32 bits with a
     *        RuntimeWarning "Truncation of value to int"
     */
    @Python("family")
    public void setFamily(long family) {
        this.family = (int) family;
        if (family != (int) family) Warnings.runtime("Truncation of value to int");
    }

    /**
     * The address last given to bind, connect, send_to or recv_from.
     *
     * @return that NetworkAddress (the same object), or null (None in Python) if there was none
     */
    @Python("netaddr")
    public NetworkAddress getNetaddr() {
        return netaddr;
    }

    /**
     * The kind of NSPR descriptor (PR_GetDescType).
     *
     * @return {@code PR_DESC_SOCKET_TCP} or {@code PR_DESC_SOCKET_UDP} for a plain
     *         socket, {@code PR_DESC_LAYERED} for an SSL socket ({@code PR_DESC_FILE} and
     *         {@code PR_DESC_PIPE} are the other kinds NSPR knows)
     * @throws IllegalArgumentException (ValueError) if the socket is closed
     */
    @Python("desc_type")
    public int getDescType() {
        if (isClosed()) throw new IllegalArgumentException("socket not initialized");
        return with(fd -> Nspr4.PR_GetDescType(fd));
    }

    private static String descTypeName(int t) {
        return switch (t) {
            case IoConstants.PR_DESC_FILE -> "PR_DESC_FILE";
            case IoConstants.PR_DESC_SOCKET_TCP -> "PR_DESC_SOCKET_TCP";
            case IoConstants.PR_DESC_SOCKET_UDP -> "PR_DESC_SOCKET_UDP";
            case IoConstants.PR_DESC_LAYERED -> "PR_DESC_LAYERED";
            case IoConstants.PR_DESC_PIPE -> "PR_DESC_PIPE";
            default -> "unknown(0x" + Integer.toHexString(t) + ")";
        };
    }

    /**
     * Describes the socket as python-nss's {@code str()} does.
     *
     * @return {@code "family=PR_AF_... type=PR_DESC_..."}
     * @throws NSPRError PR_BAD_DESCRIPTOR_ERROR if the socket is closed
     */
    @Python("__str__()")
    @Override
    public String toString() {
        return with(fd -> "family=" + Io.addrFamilyName(family) + " type=" + descTypeName(Nspr4.PR_GetDescType(fd)));
    }

    // ---- socket options ----------------------------------------------------

    /**
     * Reads a socket option (PR_GetSocketOption). The kind of value depends on
     * the option.
     *
     * @param option a {@code PR_SockOpt_*} constant
     * @return a Boolean (bool) for {@code PR_SockOpt_Nonblocking}, {@code _Reuseaddr},
     *         {@code _Keepalive}, {@code _McastLoopback}, {@code _NoDelay} and
     *         {@code _Broadcast}; a two-item array (tuple) {@code (polarity, interval)}
     *         for {@code _Linger}, the interval in ticks; a Long (int) for
     *         {@code _RecvBufferSize}, {@code _SendBufferSize}, {@code _MaxSegment},
     *         {@code _IpTimeToLive}, {@code _IpTypeOfService} and {@code _McastTimeToLive};
     *         a NetworkAddress for {@code _McastInterface}; a two-item array (tuple)
     *         {@code (mcaddr, ifaddr)} of NetworkAddresses for {@code _AddMember} and {@code _DropMember}
     * @throws IllegalArgumentException (ValueError) for an option it does not know
     * @throws NSPRError if NSPR refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("get_socket_option(option, /)")
    public Object getSocketOption(int option) {
        long data = Mem.calloc(OPTION_DATA_SIZE);
        try (Lease l = lease()) {
            long fd = l.handle();
            Mem.setInt(data, 0, option);
            if (Nspr4.PR_GetSocketOption(fd, data) != 0) throw NSPRError.last();
            long v = data + OPT_VALUE;
            switch (option) {
                case IoConstants.PR_SockOpt_Nonblocking, IoConstants.PR_SockOpt_Reuseaddr, IoConstants.PR_SockOpt_Keepalive,
                     IoConstants.PR_SockOpt_McastLoopback, IoConstants.PR_SockOpt_NoDelay, IoConstants.PR_SockOpt_Broadcast:
                    return Mem.getInt(v, 0) != 0;
                case IoConstants.PR_SockOpt_Linger:
                    return new Object[]{Mem.getInt(v, 0) != 0, Integer.toUnsignedLong(Mem.getInt(v, 4))};
                case IoConstants.PR_SockOpt_RecvBufferSize, IoConstants.PR_SockOpt_SendBufferSize,
                     IoConstants.PR_SockOpt_MaxSegment:
                    return Mem.getLong(v, 0) & 0xFFFFFFFFL;
                case IoConstants.PR_SockOpt_IpTimeToLive, IoConstants.PR_SockOpt_IpTypeOfService,
                     IoConstants.PR_SockOpt_McastTimeToLive:
                    return Integer.toUnsignedLong(Mem.getInt(v, 0));
                case IoConstants.PR_SockOpt_McastInterface:
                    return NetworkAddress.fromNative(v);
                case IoConstants.PR_SockOpt_AddMember, IoConstants.PR_SockOpt_DropMember:
                    return new Object[]{NetworkAddress.fromNative(v), NetworkAddress.fromNative(v + Layout.NETADDR_SIZE)};
                default:
                    throw new IllegalArgumentException("get_socket_option: unknown option");
            }
        } finally {
            Mem.free(data);
        }
    }

    /**
     * Sets a socket option (PR_SetSocketOption). How many values follow the
     * option, and of what kind, depends on the option, as {@link #getSocketOption}
     * returns them: one bool (an int or bool) for the on/off options, e.g.
     * {@code set_socket_option(PR_SockOpt_NoDelay, True)}; polarity and interval
     * (ticks) for {@code PR_SockOpt_Linger}; one int for the sizes and IP
     * values; one NetworkAddress for {@code PR_SockOpt_McastInterface}; the
     * multicast address and the interface's address for {@code PR_SockOpt_AddMember}
     * and {@code PR_SockOpt_DropMember}.
     *
     * @param option a {@code PR_SockOpt_*} constant (an int)
     * @param value  the first value, or null (omitted) for none
     * @param value2 the second value, or null (omitted) for none
     * @throws org.jnss.core.ArgumentError (TypeError) if the option is not an int, the
     *         number of values does not suit the option, or a value has the wrong type
     * @throws ArithmeticException (OverflowError) if a signed value does not fit a C int
     * @throws IllegalArgumentException (ValueError) for an option it does not know
     * @throws NSPRError if NSPR refuses the option or value
     */
    @Python("set_socket_option(option, value=, value2=, /)")
    public void setSocketOption(Object option, Object value, Object value2) {
        if (!CInts.isInteger(option)) throw new ArgumentError("set_socket_option: option must be an int");
        // python-nss picks the option from the C long in an int (-1, no option, when it does not fit
        // a C long), then parses the whole argument tuple again with the option as "i"
        int opt = (int) CInts.asLongOrFailed(option);
        int given = 1 + (value != null ? 1 : 0) + (value2 != null ? 1 : 0);
        long data = Mem.calloc(OPTION_DATA_SIZE);
        try {
            Mem.setInt(data, 0, opt);
            long v = data + OPT_VALUE;
            switch (opt) {
                case IoConstants.PR_SockOpt_Nonblocking, IoConstants.PR_SockOpt_Reuseaddr, IoConstants.PR_SockOpt_Keepalive,
                     IoConstants.PR_SockOpt_McastLoopback, IoConstants.PR_SockOpt_NoDelay, IoConstants.PR_SockOpt_Broadcast -> {
                    arity(given, 2, option);
                    Mem.setInt(v, 0, intArg(value, false));
                }
                case IoConstants.PR_SockOpt_Linger -> {
                    arity(given, 3, option);
                    Mem.setInt(v, 0, intArg(value, false));
                    Mem.setInt(v, 4, intArg(value2, true));
                }
                case IoConstants.PR_SockOpt_RecvBufferSize, IoConstants.PR_SockOpt_SendBufferSize,
                     IoConstants.PR_SockOpt_MaxSegment -> {
                    arity(given, 2, option);
                    Mem.setLong(v, 0, Integer.toUnsignedLong(intArg(value, true)));
                }
                case IoConstants.PR_SockOpt_IpTimeToLive, IoConstants.PR_SockOpt_IpTypeOfService,
                     IoConstants.PR_SockOpt_McastTimeToLive -> {
                    arity(given, 2, option);
                    Mem.setInt(v, 0, intArg(value, true));
                }
                case IoConstants.PR_SockOpt_McastInterface -> {
                    arity(given, 2, option);
                    byte[] a = NetworkAddress.require(value, "set_socket_option() argument 2").rawBytes();
                    Mem.write(v, 0, a, 0, a.length);
                }
                case IoConstants.PR_SockOpt_AddMember, IoConstants.PR_SockOpt_DropMember -> {
                    arity(given, 3, option);
                    byte[] mc = NetworkAddress.require(value, "set_socket_option() argument 2").rawBytes();
                    byte[] itf = NetworkAddress.require(value2, "set_socket_option() argument 3").rawBytes();
                    Mem.write(v, 0, mc, 0, mc.length);
                    Mem.write(v, Layout.NETADDR_SIZE, itf, 0, itf.length);
                }
                default -> throw new IllegalArgumentException("set_socket_option: unknown option");
            }
            check(fd -> Nspr4.PR_SetSocketOption(fd, data));
        } finally {
            Mem.free(data);
        }
    }

    /** PyArg_ParseTuple's checks of the whole tuple: its length, then the option as C's "i". */
    private static void arity(int given, int expected, Object option) {
        if (given != expected)
            throw new ArgumentError("set_socket_option() takes exactly " + expected + " arguments (" + given + " given)");
        intArg(option, false);
    }

    /** C's "i" (signed) or "I" (unsigned, masked) conversion of a Python int or bool. */
    private static int intArg(Object v, boolean unsigned) {
        if (!CInts.isInteger(v)) throw new ArgumentError("an integer is required");
        if (unsigned && v instanceof java.math.BigInteger b) return b.intValue();
        long l = CInts.asLong(v);
        if (!unsigned && (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE))
            throw new ArithmeticException(l > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
        return (int) l;
    }

    // ---- connection set-up -------------------------------------------------

    private void checkFamily(NetworkAddress addr) {
        int af = addr.getFamily();
        if (af != family)
            throw new IllegalArgumentException("Socket family (" + Io.addrFamilyName(family)
                    + ") does not match NetworkAddress family (" + Io.addrFamilyName(af) + ")");
    }

    /**
     * Connects to the address (PR_Connect); for UDP, sets the default peer.
     * Blocks until the connection is made or the timeout expires. The address
     * becomes this socket's {@link #getNetaddr() netaddr}.
     *
     * @param addr    where to connect; its family must be the socket's
     * @param timeout the most to wait, in interval ticks (not seconds; see
     *                {@code seconds_to_interval}); the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @throws IllegalArgumentException (ValueError) if the address's family is not the socket's
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first,
     *         PR_CONNECT_REFUSED_ERROR, PR_NETWORK_UNREACHABLE_ERROR, ... for the connection's failure
     */
    @Python("connect(addr, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public void connect(NetworkAddress addr, @Python.Unsigned('I') int timeout) {
        toPeer(addr, (fd, na) -> {
            if (Nspr4.PR_Connect(fd, na, timeout) != 0) throw NSPRError.last();
            return 0;
        });
    }

    /** A blocking call on this socket's fd with a native copy of the peer address (freed after); the address becomes the peer. */
    private int toPeer(NetworkAddress addr, java.util.function.LongBinaryOperator call) {
        checkFamily(addr);
        netaddr = addr;
        long na = addr.toNative();
        try {
            try (Blocking b = blocking(); Lease l = lease()) {
                return (int) call.applyAsLong(l.handle(), na);
            }
        } finally {
            Mem.free(na);
        }
    }

    /**
     * Gives the socket its local address (PR_Bind), usually before
     * {@link #listen}. The address becomes this socket's netaddr.
     *
     * @param addr the local address: {@code PR_IpAddrAny} for every interface,
     *             port 0 for a port the system chooses; its family must be the socket's
     * @throws IllegalArgumentException (ValueError) if the address's family is not the socket's
     * @throws NSPRError e.g. PR_ADDRESS_IN_USE_ERROR
     */
    @Python("bind(addr, /)")
    public void bind(NetworkAddress addr) {
        checkFamily(addr);
        netaddr = addr;
        long na = addr.toNative();
        try {
            check(fd -> Nspr4.PR_Bind(fd, na));
        } finally {
            Mem.free(na);
        }
    }

    /**
     * Makes a bound TCP socket accept connections (PR_Listen).
     *
     * @param backlog the most pending connections the system queues (default 5)
     * @throws NSPRError e.g. PR_NOT_TCP_SOCKET_ERROR on a UDP socket
     */
    @Python("listen(backlog=5)")
    public void listen(@Python.Unsigned('I') int backlog) {
        check(fd -> Nspr4.PR_Listen(fd, backlog));
    }

    /**
     * Waits for a connection to this listening socket and accepts it
     * (PR_Accept).
     *
     * @param timeout the most to wait, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return a two-item array (a tuple in Python): the connected socket (of this
     *         socket's class: an SSLSocket accepts SSLSockets) and the peer's NetworkAddress
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first
     */
    @Python("accept(timeout=PR_INTERVAL_NO_TIMEOUT)")
    public Object[] accept(@Python.Unsigned('I') int timeout) {
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            long c;
            try (Blocking b = blocking(); Lease l = lease()) {
                long fd = l.handle();
                c = Nspr4.PR_Accept(fd, na, timeout);
                if (c == 0) throw NSPRError.last();
            }
            return new Object[]{accepted(c, family), NetworkAddress.fromNative(na)};
        } finally {
            Mem.free(na);
        }
    }

    /**
     * Accepts a connection and reads its first data: {@link #accept} followed
     * by one receive on the new socket, each limited by the timeout (NSPR's own
     * PR_AcceptRead would wait for the connection without limit). If the read
     * fails the new socket is closed.
     *
     * @param amount  the most bytes to read; 0 reads nothing
     * @param timeout the most each step waits, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return a three-item array (a tuple in Python): the connected socket, the
     *         peer's NetworkAddress and the bytes read (str in Python)
     * @throws IllegalStateException (SystemError, as python-nss's buffer of that
     *         size) if amount is negative
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first
     */
    @Python("accept_read(amount, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public Object[] acceptRead(int amount, @Python.Unsigned('I') int timeout) {
        checkAmount(amount);
        Object[] acc = accept(timeout);
        Socket s = (Socket) acc[0];
        try {
            byte[] data = amount == 0 ? new byte[0] : s.recvNative(amount, timeout);
            return new Object[]{s, acc[1], data};
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Shuts down one or both directions of a connection (PR_Shutdown); the
     * socket stays open until closed.
     *
     * @param how {@code PR_SHUTDOWN_RCV} (no more receives), {@code PR_SHUTDOWN_SEND}
     *            (no more sends: the peer reads end of stream) or {@code PR_SHUTDOWN_BOTH} (the default)
     * @throws NSPRError e.g. PR_NOT_CONNECTED_ERROR
     */
    @Python("shutdown(how=PR_SHUTDOWN_BOTH)")
    public void shutdown(@Python.Unsigned('I') int how) {
        check(fd -> Nspr4.PR_Shutdown(fd, how));
    }

    /**
     * Python's {@code close()}: while file objects made by {@link #makefile}
     * are outstanding, undoes one of them; otherwise closes the socket as
     * {@link #close()} does. So the socket closes after as many calls as
     * makefile() made file objects, plus one.
     *
     * @throws NSPRError PR_BAD_DESCRIPTOR_ERROR if the socket is already closed
     */
    @Python("close()")
    public void closeSocket() {
        synchronized (closeLock) {
            if (makefileRefs > 0) {
                makefileRefs--;
                return;
            }
        }
        if (isClosed()) throw closedError();
        close();
    }

    /**
     * Returns a file object for the socket: the socket itself, which has the
     * file methods read, readline, readlines and iteration. Each call needs one
     * more {@link #closeSocket() close()} before the socket really closes.
     *
     * @param mode       ignored (default {@code 'r'})
     * @param buffersize ignored (default -1)
     * @return this socket
     */
    @Python("makefile(mode='r', buffersize=-1, /)")
    public Socket makefile(String mode, int buffersize) {
        synchronized (closeLock) {
            makefileRefs++;
        }
        return this;
    }

    /**
     * The operating system's descriptor under the socket
     * (PR_FileDesc2NativeHandle), e.g. for {@code select}. The socket stays its owner.
     *
     * @return the descriptor number
     * @throws NSPRError PR_INVALID_ARGUMENT_ERROR if the socket is closed
     */
    @Python("fileno()")
    public int fileno() {
        if (isClosed()) throw new NSPRError(ErrorConstants.PR_INVALID_ARGUMENT_ERROR);
        try (Lease l = lease()) {
            long fd = l.handle();
            int os = Nspr4.PR_FileDesc2NativeHandle(fd);
            if (os == -1) throw NSPRError.last();
            return os;
        }
    }

    /**
     * The socket's local address and port (PR_GetSockName), e.g. the port the
     * system chose for a bind to port 0.
     *
     * @return a new NetworkAddress
     * @throws NSPRError if NSPR cannot tell (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("get_sock_name()")
    public NetworkAddress getSockName() {
        return name(true);
    }

    /**
     * The address and port of the connected peer (PR_GetPeerName).
     *
     * @return a new NetworkAddress
     * @throws NSPRError PR_NOT_CONNECTED_ERROR if the socket is not connected
     */
    @Python("get_peer_name()")
    public NetworkAddress getPeerName() {
        return name(false);
    }

    private NetworkAddress name(boolean local) {
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            try (Lease l = lease()) {
                long fd = l.handle();
                int rv = local ? Nspr4.PR_GetSockName(fd, na) : Nspr4.PR_GetPeerName(fd, na);
                if (rv != 0) throw NSPRError.last();
            }
            return NetworkAddress.fromNative(na);
        } finally {
            Mem.free(na);
        }
    }

    // ---- sending -----------------------------------------------------------

    /**
     * Sends data on a connected socket (one PR_Send), blocking until NSPR has
     * taken it or the timeout expires.
     *
     * @param buf     the bytes (a str, or any buffer, in Python); its position and limit are not changed
     * @param timeout the most to wait, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return how many bytes were sent
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first,
     *         PR_CONNECT_RESET_ERROR, ... when the connection fails
     */
    @Python("send(buf, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public int send(ByteBuffer buf, @Python.Unsigned('I') int timeout) {
        try (Blocking b = blocking(); Lease l = lease()) {
            int n = sendNative(l.handle(), buf, timeout);
            if (n < 0) throw NSPRError.last();
            return n;
        }
    }

    /**
     * Sends a byte array, as {@link #send(ByteBuffer, int)}.
     *
     * @param buf     the bytes
     * @param timeout the most to wait, in interval ticks
     * @return how many bytes were sent
     * @throws NSPRError as {@link #send(ByteBuffer, int)}
     */
    public int send(byte[] buf, int timeout) {
        return send(ByteBuffer.wrap(buf), timeout);
    }

    /**
     * Sends all the data, repeating PR_Send until every byte is taken (or a
     * send takes none).
     *
     * @param buf     the bytes (a str, or any buffer, in Python); its position and limit are not changed
     * @param timeout the most each send waits, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return how many bytes were sent
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when a send times out, or the connection's error
     */
    @Python("sendall(buf, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public int sendall(ByteBuffer buf, @Python.Unsigned('I') int timeout) {
        int len = buf.remaining();
        try (Blocking b = blocking(); Lease l = lease(); ThreadBuffer nb = ThreadBuffer.take(len)) {
            long fd = l.handle();
            nb.buffer().put(0, buf, buf.position(), len);
            int off = 0;
            do {
                int n = Nspr4.PR_Send(fd, nb.address() + off, len - off, 0, timeout);
                if (n < 0) throw NSPRError.last();
                off += n;
                if (n == 0 && len > off) break;
            } while (off < len);
            return off;
        }
    }

    /**
     * Sends all of a byte array, as {@link #sendall(ByteBuffer, int)}.
     *
     * @param buf     the bytes
     * @param timeout the most each send waits, in interval ticks
     * @return how many bytes were sent
     * @throws NSPRError as {@link #sendall(ByteBuffer, int)}
     */
    public int sendall(byte[] buf, int timeout) {
        return sendall(ByteBuffer.wrap(buf), timeout);
    }

    /**
     * Sends a datagram to an address (PR_SendTo), usually on a UDP socket. The
     * address becomes this socket's netaddr.
     *
     * @param buf     the bytes (a str, or any buffer, in Python)
     * @param addr    the destination; its family must be the socket's
     * @param timeout the most to wait, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return how many bytes were sent
     * @throws IllegalArgumentException (ValueError) if the address's family is not the socket's
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first, or NSPR's error
     */
    @Python("send_to(buf, addr, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public int sendTo(byte[] buf, NetworkAddress addr, @Python.Unsigned('I') int timeout) {
        return toPeer(addr, (fd, na) -> {
            int n = Nspr4.PR_SendTo(fd, buf, buf.length, 0, na, timeout);
            if (n < 0) throw NSPRError.last();
            return n;
        });
    }

    // ---- receiving ---------------------------------------------------------

    private void checkOpenForRead() {
        if (isClosed()) throw new IllegalArgumentException(CLOSED_READ);
    }

    /**
     * A byte count as python-nss sizes its result buffer with it: a negative one
     * is CPython's SystemError; one past what a str can hold, MemoryError.
     */
    private static void checkAmount(long amount) {
        if (amount < 0) throw new IllegalStateException("Negative size passed to PyString_FromStringAndSize");
        if (amount > Integer.MAX_VALUE) throw new OutOfMemoryError("amount too large");
    }

    /**
     * One PR_Recv of up to amount bytes, through the thread's native buffer
     * ({@link ThreadBuffer}): only the bytes received are copied, once (a Java
     * array passed to native code is copied whole both ways: a 64 KiB receive
     * answered by one 16 KiB TLS record moved 128 KiB).
     */
    private byte[] recvNative(int amount, int timeout) {
        try (ThreadBuffer b = ThreadBuffer.take(amount)) {
            int n = recvNative(b, amount, timeout);
            byte[] out = new byte[n];
            b.buffer().get(0, out, 0, n);
            return out;
        }
    }

    /** One PR_Recv of at most room bytes into dst at off; returns the count (0 at end of stream). */
    private int recvInto(byte[] dst, int off, int room, int timeout) {
        try (ThreadBuffer b = ThreadBuffer.take(room)) {
            int n = recvNative(b, room, timeout);
            b.buffer().get(0, dst, off, n);
            return n;
        }
    }

    private int recvNative(ThreadBuffer b, int amount, int timeout) {
        try (Blocking bl = blocking(); Lease l = lease()) {
            int n = Nspr4.PR_Recv(l.handle(), b.address(), amount, 0, timeout);
            if (n < 0) throw NSPRError.last();
            return n;
        }
    }

    /** One PR_Send of the data's remaining bytes, copied once into the thread's native buffer; returns what PR_Send returned. */
    private static int sendNative(long fd, ByteBuffer data, int timeout) {
        int n = data.remaining();
        try (ThreadBuffer b = ThreadBuffer.take(n)) {
            b.buffer().put(0, data, data.position(), n);
            return Nspr4.PR_Send(fd, b.address(), n, 0, timeout);
        }
    }

    /** Takes n bytes off the front of the read-ahead buffer. Caller holds readLock. */
    private byte[] takeAhead(int n) {
        byte[] out = Arrays.copyOfRange(ahead, aheadStart, aheadStart + n);
        aheadLen -= n;
        aheadStart = aheadLen == 0 ? 0 : aheadStart + n;
        return out;
    }

    private void dropAhead() {
        ahead = new byte[0];
        aheadStart = 0;
        aheadLen = 0;
    }

    /** Reads more data into the read-ahead buffer; returns the count, 0 at end of stream. Caller holds readLock. */
    private int fillAhead(int timeout) {
        if (ahead.length - aheadStart - aheadLen < CHUNK) {
            if (aheadStart > 0) {           // the buffered bytes to the front first
                System.arraycopy(ahead, aheadStart, ahead, 0, aheadLen);
                aheadStart = 0;
            }
            if (ahead.length - aheadLen < CHUNK) ahead = Arrays.copyOf(ahead, ahead.length + CHUNK);
        }
        int end = aheadStart + aheadLen;
        int n;
        try {
            n = recvInto(ahead, end, ahead.length - end, timeout);
        } catch (RuntimeException e) {
            dropAhead();                     // python-nss discards buffered data on a read error
            throw e;
        }
        aheadLen += n;
        return n;
    }

    /**
     * Receives at most amount bytes, waiting until some arrive (PR_Recv).
     * Data already read ahead by {@link #readline} and the like comes first,
     * completed by one more receive when there is less than amount.
     *
     * @param amount  the most bytes wanted
     * @param timeout the most to wait, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return the bytes received (str in Python); empty when the peer closed the connection
     * @throws IllegalStateException (SystemError) if amount is negative, as python-nss
     * @throws IllegalArgumentException (ValueError) "I/O operation on closed socket" if
     *         the socket is closed
     * @throws OutOfMemoryError (MemoryError) if amount is past 2**31 - 1
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first, or
     *         the connection's error (buffered data is then dropped)
     */
    @Python("recv(amount, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public byte[] recv(long amount, @Python.Unsigned('I') int timeout) {
        checkAmount(amount);
        readLock.lock();
        try {
            checkOpenForRead();
            return recvLocked((int) amount, timeout);
        } finally {
            readLock.unlock();
        }
    }

    private byte[] recvLocked(int amount, int timeout) {
        if (aheadLen >= amount && aheadLen > 0) return takeAhead(amount);
        if (aheadLen > 0) {
            // the buffered part is handed out together with what one more receive brings
            byte[] head = takeAhead(aheadLen);
            dropAhead();
            byte[] tail = recvNative(amount - head.length, timeout);
            byte[] out = Arrays.copyOf(head, head.length + tail.length);
            System.arraycopy(tail, 0, out, head.length, tail.length);
            return out;
        }
        return recvNative(amount, timeout);
    }

    /**
     * Reads like a file: at most size bytes as {@link #recv} does, or with a
     * negative size everything up to the end of the stream. Waits without time limit.
     *
     * @param size the most bytes wanted; negative (the default, -1) for all until end of stream
     * @return the bytes read (str in Python); empty at the end of the stream
     * @throws IllegalArgumentException (ValueError) "I/O operation on closed socket" if the socket is closed
     * @throws OutOfMemoryError (MemoryError) if size is too large for one array
     * @throws NSPRError the connection's error
     */
    @Python("read(size=-1)")
    public byte[] read(long size) {
        readLock.lock();
        try {
            checkOpenForRead();
            if (size >= 0) {
                checkAmount(size);
                return recvLocked((int) size, NO_TIMEOUT);
            }
            while (fillAhead(NO_TIMEOUT) != 0) {
                // until end of stream
            }
            byte[] all = Arrays.copyOfRange(ahead, aheadStart, aheadStart + aheadLen);
            dropAhead();
            return all;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Reads one line, including its newline ({@code '\n'}; absent on a last
     * line without one). Bytes received past the line are kept for the next
     * read. No line-ending conversion is made. Waits without time limit.
     *
     * @param size with a positive value, at most that many bytes (the line may
     *             then be cut short); 0 (the default) or negative: no limit
     * @return the line (str in Python); empty at the end of the stream
     * @throws IllegalArgumentException (ValueError) "I/O operation on closed socket" if the socket is closed
     * @throws NSPRError the connection's error
     */
    @Python("readline(size=0)")
    public byte[] readline(long size) {
        readLock.lock();
        try {
            return readlineLocked(size);
        } finally {
            readLock.unlock();
        }
    }

    private byte[] readlineLocked(long size) {
        checkOpenForRead();
        for (;;) {
            if (aheadLen > 0) {
                int end = size > 0 ? (int) Math.min(size, aheadLen) : aheadLen;
                byte[] a = ahead;
                int start = aheadStart, i = 0;
                while (i < end && a[start + i] != '\n') i++;
                if (size > 0 && i == size) return takeAhead(i);
                if (i < aheadLen) return takeAhead(i + 1);
            }
            if (fillAhead(NO_TIMEOUT) == 0) return takeAhead(aheadLen);
        }
    }

    /**
     * Reads lines with {@link #readline} until the end of the stream, or with a
     * positive sizehint until at least that many bytes were read. Waits without time limit.
     *
     * @param sizehint 0 (the default) for all lines; positive: stop once this many bytes were read
     * @return the lines (a list of str in Python); when the end of the stream
     *         was reached the list ends with an empty string, as python-nss's does
     * @throws IllegalArgumentException (ValueError) "I/O operation on closed socket" if the socket is closed
     * @throws NSPRError the connection's error
     */
    @Python("readlines(sizehint=0)")
    public List<byte[]> readlines(long sizehint) {
        readLock.lock();
        try {
            List<byte[]> lines = new ArrayList<>();
            long total = 0;
            for (;;) {
                byte[] line = readlineLocked(0);
                lines.add(line);
                total += line.length;
                if (sizehint > 0 && total >= sizehint) break;
                if (line.length == 0) break;
            }
            return lines;
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Python's {@code iter(sock)}: a socket iterates over its lines.
     *
     * @return this socket
     * @throws IllegalArgumentException (ValueError) "I/O operation on closed socket" if the socket is closed
     */
    @Python("__iter__()")
    public Socket iter() {
        checkOpenForRead();
        return this;
    }

    /**
     * The next line, as {@link #readline} reads it; Python's {@code next()}.
     *
     * @return the line, with its newline (str in Python)
     * @throws NoSuchElementException (StopIteration) at the end of the stream
     * @throws NSPRError the connection's error
     */
    @Python("__next__()")
    public byte[] next() {
        byte[] line = readline(0);
        if (line.length == 0) throw new NoSuchElementException();
        return line;
    }

    /**
     * Receives at most amount bytes, usually a UDP datagram (PR_RecvFrom), and
     * stores the sender's address in addr, which becomes this socket's netaddr.
     * Data read ahead by readline() is not used.
     *
     * @param amount  the most bytes wanted (the rest of a longer datagram is lost)
     * @param addr    a NetworkAddress of the socket's family, overwritten with the sender's address
     * @param timeout the most to wait, in interval ticks; the default
     *                {@code PR_INTERVAL_NO_TIMEOUT} waits as long as it takes
     * @return the bytes received (str in Python)
     * @throws IllegalStateException (SystemError) if amount is negative, as python-nss
     * @throws IllegalArgumentException (ValueError) if the address's family is not the
     *         socket's, or the socket is closed
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first, or NSPR's error
     */
    @Python("recv_from(amount, addr, timeout=PR_INTERVAL_NO_TIMEOUT)")
    public byte[] recvFrom(int amount, NetworkAddress addr, @Python.Unsigned('I') int timeout) {
        checkAmount(amount);
        checkFamily(addr);
        checkOpenForRead();
        netaddr = addr;
        long na = addr.toNative();
        try (ThreadBuffer buf = ThreadBuffer.take(amount)) {
            int n;
            try (Blocking b = blocking(); Lease l = lease()) {
                long fd = l.handle();
                n = Nspr4.PR_RecvFrom(fd, buf.address(), amount, 0, na, timeout);
                if (n < 0) throw NSPRError.last();
            }
            addr.loadNative(na);
            byte[] out = new byte[n];
            buf.buffer().get(0, out, 0, n);
            return out;
        } finally {
            Mem.free(na);
        }
    }

    // ---- static methods ----------------------------------------------------

    /**
     * Makes two TCP sockets connected to each other over the loopback
     * interface (PR_NewTCPSocketPair): what is sent on one is received on the
     * other. A static method ({@code Socket.new_tcp_pair()} in Python).
     *
     * @return a two-item array (a tuple in Python) of the two Sockets
     * @throws NSPRError if NSPR cannot make the pair
     */
    @Python("new_tcp_pair()")
    public static Object[] newTcpPair() {
        long[] fds = new long[2];
        if (Nspr4.PR_NewTCPSocketPair(fds) != 0) throw NSPRError.last();
        int[] fam = new int[2];
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            for (int i = 0; i < 2; i++) {
                if (Nspr4.PR_GetSockName(fds[i], na) != 0) {
                    NSPRError e = NSPRError.last();
                    Nspr4.PR_Close(fds[0]);
                    Nspr4.PR_Close(fds[1]);
                    throw e;
                }
                fam[i] = Mem.getShort(na, 0) & 0xFFFF;
            }
        } finally {
            Mem.free(na);
        }
        return new Object[]{new Socket(fds[0], fam[0]), new Socket(fds[1], fam[1])};
    }

    /**
     * Wraps an operating system TCP (SOCK_STREAM) socket descriptor in a
     * Socket (PR_ImportTCPSocket); the Socket then owns it and closes it. A
     * static method ({@code Socket.import_tcp_socket(osfd)} in Python).
     *
     * @param osfd the descriptor, e.g. from Python's {@code socket.fileno()}
     * @return the new Socket, its family read from the descriptor's local address
     * @throws NSPRError if NSPR cannot import the descriptor or read its address
     *         (the descriptor is then closed)
     */
    @Python("import_tcp_socket(osfd, /)")
    public static Socket importTcpSocket(int osfd) {
        long fd = Nspr4.PR_ImportTCPSocket(osfd);
        if (fd == 0) throw NSPRError.last();
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            if (Nspr4.PR_GetSockName(fd, na) != 0) {
                NSPRError e = NSPRError.last();
                Nspr4.PR_Close(fd);
                throw e;
            }
            return new Socket(fd, Mem.getShort(na, 0) & 0xFFFF);
        } finally {
            Mem.free(na);
        }
    }

    /**
     * Waits until at least one of several sockets is ready, or the timeout
     * expires (PR_Poll). A static method ({@code Socket.poll(...)} in Python).
     * A closed socket takes part as a null descriptor (its result is 0).
     *
     * @param pollDescs a list (list or tuple in Python) of two-item lists or
     *                  tuples {@code (socket, in_flags)}, in_flags a bitwise or of
     *                  {@code PR_POLL_READ}, {@code PR_POLL_WRITE}, {@code PR_POLL_EXCEPT}, ...
     * @param timeout   the most to wait, in interval ticks; {@code PR_INTERVAL_NO_TIMEOUT}
     *                  for no limit, {@code PR_INTERVAL_NO_WAIT} to look without waiting
     * @return the out_flags of each socket, in order (a tuple of int in Python);
     *         all 0 when the timeout expired
     * @throws org.jnss.core.ArgumentError (TypeError) if pollDescs is not such a sequence
     * @throws IndexOutOfBoundsException (IndexError) if a pair has fewer than two items
     * @throws NSPRError if PR_Poll fails
     */
    @Python("poll(poll_descs, timeout, /)")
    public static Object[] poll(Object pollDescs, @Python.Unsigned('I') int timeout) {
        if (!(pollDescs instanceof List<?> descs)) throw new ArgumentError("poll_descs is not a suitable sequence");
        int n = descs.size();
        Socket[] socks = new Socket[n];
        short[] flags = new short[n];
        for (int i = 0; i < n; i++) {
            Object d = descs.get(i);
            if (!(d instanceof List<?> pair)) throw new ArgumentError("Invalid content of poll_descs");
            if (pair.size() < 2) throw new IndexOutOfBoundsException("tuple index out of range");
            if (!(pair.get(0) instanceof Socket s)) throw new ArgumentError("Invalid content of poll_descs");
            Object f = pair.get(1);
            if (!CInts.isInteger(f)) throw new ArgumentError("an integer is required");
            long fl = CInts.asLong(f);
            if (fl != (short) fl) throw new ArgumentError("Invalid content of poll_descs");
            socks[i] = s;
            flags[i] = (short) fl;
        }
        long pds = Mem.calloc((long) Math.max(1, n) * POLL_DESC_SIZE);
        Lease[] held = new Lease[n];
        try {
            for (int i = 0; i < n; i++) {
                long fd = 0;
                if (!socks[i].isClosed()) {
                    socks[i].blocking();      // before the lease, as in every blocking call
                    try {
                        held[i] = socks[i].lease();
                        fd = held[i].handle();
                    } catch (NSPRError closedMeanwhile) {
                        socks[i].blocking.close();
                        fd = 0;
                    }
                }
                long pd = pds + (long) i * POLL_DESC_SIZE;
                Mem.setPointer(pd, 0, fd);
                Mem.setShort(pd, 8, flags[i]);
            }
            if (Nspr4.PR_Poll(pds, n, timeout) == -1) throw NSPRError.last();
            Object[] out = new Object[n];
            for (int i = 0; i < n; i++) out[i] = (int) Mem.getShort(pds + (long) i * POLL_DESC_SIZE, 10);
            return out;
        } finally {
            for (int i = 0; i < n; i++) {
                if (held[i] == null) continue;
                socks[i].blocking.close();
                held[i].close();
            }
            Mem.free(pds);
        }
    }

    // ---- Java overloads: Python's optional arguments, intervals as long ----------------

    /**
     * An NSPR interval ({@code PRIntervalTime}, unsigned 32 bits) for the native call.
     *
     * @param timeout 0 ({@link IoConstants#PR_INTERVAL_NO_WAIT}) to
     *                {@link IoConstants#PR_INTERVAL_NO_TIMEOUT}
     * @return the same bits as an int
     * @throws IllegalArgumentException if out of range
     */
    static int interval(long timeout) {
        if (timeout < 0 || timeout > IoConstants.PR_INTERVAL_NO_TIMEOUT)
            throw new IllegalArgumentException("timeout out of range: " + timeout);
        return (int) timeout;
    }

    /**
     * Connects to the address, waiting at most the timeout.
     *
     * @param addr    where to connect; its family must be the socket's
     * @param timeout an NSPR interval, e.g. {@link IoConstants#PR_INTERVAL_NO_TIMEOUT}
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first, or the connection's error
     */
    public void connect(NetworkAddress addr, long timeout) {
        connect(addr, interval(timeout));
    }

    /**
     * Connects to the address, waiting as long as it takes.
     *
     * @param addr where to connect; its family must be the socket's
     * @throws NSPRError the connection's error
     */
    public void connect(NetworkAddress addr) {
        connect(addr, IoConstants.PR_INTERVAL_NO_TIMEOUT);
    }

    /**
     * Waits for a connection (Python: {@code accept()}).
     *
     * @param timeout an NSPR interval, e.g. {@link IoConstants#PR_INTERVAL_NO_TIMEOUT}
     * @return the connected socket (of this socket's class) and the peer's NetworkAddress
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first
     */
    public Object[] accept(long timeout) {
        return accept(interval(timeout));
    }

    /**
     * Waits as long as it takes for a connection.
     *
     * @return the connected socket (of this socket's class) and the peer's NetworkAddress
     * @throws NSPRError on failure
     */
    public Object[] accept() {
        return accept(IoConstants.PR_INTERVAL_NO_TIMEOUT);
    }

    /**
     * Sends bytes, waiting at most the timeout.
     *
     * @param buf     the bytes
     * @param timeout an NSPR interval
     * @return how many bytes were sent
     * @throws NSPRError on failure or timeout
     */
    public int send(byte[] buf, long timeout) {
        return send(buf, interval(timeout));
    }

    /**
     * Sends bytes, waiting as long as it takes.
     *
     * @param buf the bytes
     * @return how many bytes were sent
     * @throws NSPRError on failure
     */
    public int send(byte[] buf) {
        return send(buf, IoConstants.PR_INTERVAL_NO_TIMEOUT);
    }

    /**
     * Sends all the bytes, waiting as long as it takes.
     *
     * @param buf the bytes
     * @return how many bytes were sent
     * @throws NSPRError on failure
     */
    public int sendall(byte[] buf) {
        return sendall(buf, interval(IoConstants.PR_INTERVAL_NO_TIMEOUT));
    }

    /**
     * Receives at most amount bytes, waiting at most the timeout.
     *
     * @param amount  the most bytes wanted
     * @param timeout an NSPR interval
     * @return the bytes received; empty at the end of the stream
     * @throws NSPRError on failure or timeout
     */
    public byte[] recv(long amount, long timeout) {
        return recv(amount, interval(timeout));
    }

    /**
     * Receives at most amount bytes, waiting as long as it takes.
     *
     * @param amount the most bytes wanted
     * @return the bytes received; empty at the end of the stream
     * @throws NSPRError on failure
     */
    public byte[] recv(long amount) {
        return recv(amount, IoConstants.PR_INTERVAL_NO_TIMEOUT);
    }

    /**
     * Reads one line, with its newline (absent at the end of the stream).
     *
     * @return the line; empty at the end of the stream
     * @throws NSPRError on failure
     */
    public byte[] readline() {
        return readline(0);
    }
}
