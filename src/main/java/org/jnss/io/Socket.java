package org.jnss.io;

import org.jnss.core.NativeResource.Lease;
import org.jnss.natives.Layout;
import org.jnss.core.ArgumentError;
import org.jnss.core.NativeResource;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An NSPR socket (PRFileDesc), TCP or UDP.
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
 * ("I/O operation on closed socket") as python-nss does.
 */
@Python.Type(doc = "Socket(family=PR_AF_INET, type=PR_DESC_SOCKET_TCP)\n\n"
        + "A new NSPR socket. family is PR_AF_INET, PR_AF_INET6 or PR_AF_LOCAL;\n"
        + "type is PR_DESC_SOCKET_TCP or PR_DESC_SOCKET_UDP.")
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

    /** Read-ahead data: buffered bytes are ahead[0, aheadLen). Guarded by readLock. */
    private byte[] ahead = new byte[0];
    private int aheadLen;
    private final ReentrantLock readLock = new ReentrantLock();

    /** Takes ownership of an open PRFileDesc (for subclasses layering on NSPR sockets, e.g. SSL). */
    protected Socket(long fd, int family) {
        super(fd, Nspr4::PR_Close, false);
        this.family = family;
    }

    @Python("Socket(family=, type=PR_DESC_SOCKET_TCP)")
    public Socket(Integer family, int type) {
        this(open(familyOrDefault(family), type), family == null ? IoConstants.PR_AF_INET : family);
    }

    /** Java: a socket of this family and type (PR_DESC_SOCKET_TCP or PR_DESC_SOCKET_UDP). */
    public Socket(int family, int type) {
        this(open(family, type), family);
    }

    /** Text of python-nss's DeprecationWarning for a socket made without a family. */
    public static final String FAMILY_DEPRECATED = "Socket initialization will require family parameter in future, "
            + "default family parameter of PR_AF_INET is deprecated. Suggest using the family property of the "
            + "NetworkAddress object associated with the socket, e.g. Socket(net_addr.family)";

    /** The family given, or PR_AF_INET with python-nss's DeprecationWarning when none was. */
    public static int familyOrDefault(Integer family) {
        if (family != null) return family;
        org.jnss.core.Warnings.deprecation(FAMILY_DEPRECATED);
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
     * calls first); taken right after the call's lease, as in
     * {@code try (Lease l = lease(); Blocking b = blocking())}. The marker is
     * one per socket, reused: the send/recv path does not allocate.
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
     * Closes the socket now (idempotent). Calls blocked in other threads are
     * woken first by a shutdown of both directions; the descriptor is closed
     * when the last of them returns.
     */
    @Override
    public void close() {
        if (blockingCalls.get() > 0 && !isClosed()) {
            Lease l;
            try {
                l = lease();
            } catch (NSPRError closedMeanwhile) {
                return;
            }
            try (l) {
                Nspr4.PR_Shutdown(l.handle(), IoConstants.PR_SHUTDOWN_BOTH);
            }
        }
        super.close();
    }

    /** Calls that may block, in progress now (for tests). */
    int blockingCalls() {
        return blockingCalls.get();
    }

    /** The Socket for a connection accepted by this one; subclasses (SSL) may wrap it in their own type. */
    protected Socket accepted(long fd, int family) {
        return new Socket(fd, family);
    }

    @Override
    protected NSPRError closedError() {
        return new NSPRError("socket is closed", ErrorConstants.PR_BAD_DESCRIPTOR_ERROR);
    }

    // ---- properties --------------------------------------------------------

    @Python(value = "family", doc = "socket family: PR_AF_INET, PR_AF_INET6, PR_AF_LOCAL or PR_AF_UNSPEC")
    public int getFamily() {
        return family;
    }

    /** python-nss exposes family as a writable member. */
    @Python("family")
    public void setFamily(int family) {
        this.family = family;
    }

    @Python(value = "netaddr", doc = "the NetworkAddress last given to bind, connect, send_to or recv_from, or None")
    public NetworkAddress getNetaddr() {
        return netaddr;
    }

    @Python(value = "desc_type", doc = "descriptor type: PR_DESC_FILE, PR_DESC_SOCKET_TCP, PR_DESC_SOCKET_UDP, "
            + "PR_DESC_LAYERED or PR_DESC_PIPE")
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

    @Python("__str__()")
    @Override
    public String toString() {
        return with(fd -> "family=" + Io.addrFamilyName(family) + " type=" + descTypeName(Nspr4.PR_GetDescType(fd)));
    }

    // ---- socket options ----------------------------------------------------

    @Python(value = "get_socket_option(option, /)", doc = "Returns the value of a PR_SockOpt_* option: a bool for\n"
            + "Nonblocking, Reuseaddr, Keepalive, McastLoopback, NoDelay and Broadcast;\n"
            + "(polarity, interval) for Linger; an int for RecvBufferSize, SendBufferSize,\n"
            + "MaxSegment, IpTimeToLive, IpTypeOfService and McastTimeToLive; a NetworkAddress\n"
            + "for McastInterface; (mcaddr, ifaddr) for AddMember and DropMember.")
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
     * Sets a PR_SockOpt_* option; the values depend on the option, see
     * {@link #getSocketOption}: a bool, (polarity, interval) for Linger, an
     * int, a NetworkAddress for McastInterface, mcaddr and ifaddr for
     * AddMember and DropMember.
     */
    @Python(value = "set_socket_option(option, value=, value2=, /)", doc = "Sets a PR_SockOpt_* option; the arguments after the option\n"
            + "depend on it: set_socket_option(PR_SockOpt_NoDelay, bool),\n"
            + "set_socket_option(PR_SockOpt_Linger, polarity, interval),\n"
            + "set_socket_option(PR_SockOpt_RecvBufferSize, size),\n"
            + "set_socket_option(PR_SockOpt_McastInterface, ifaddr),\n"
            + "set_socket_option(PR_SockOpt_AddMember, mcaddr, ifaddr), ... (see get_socket_option).")
    public void setSocketOption(Object option, Object value, Object value2) {
        if (!(option instanceof Integer || option instanceof Long))
            throw new ArgumentError("set_socket_option: option must be an int");
        long opt = ((Number) option).longValue();
        int given = 1 + (value != null ? 1 : 0) + (value2 != null ? 1 : 0);
        long data = Mem.calloc(OPTION_DATA_SIZE);
        try {
            Mem.setInt(data, 0, (int) opt);
            long v = data + OPT_VALUE;
            switch ((int) opt == opt ? (int) opt : -1) {
                case IoConstants.PR_SockOpt_Nonblocking, IoConstants.PR_SockOpt_Reuseaddr, IoConstants.PR_SockOpt_Keepalive,
                     IoConstants.PR_SockOpt_McastLoopback, IoConstants.PR_SockOpt_NoDelay, IoConstants.PR_SockOpt_Broadcast -> {
                    arity(given, 2);
                    Mem.setInt(v, 0, intArg(value, false));
                }
                case IoConstants.PR_SockOpt_Linger -> {
                    arity(given, 3);
                    Mem.setInt(v, 0, intArg(value, false));
                    Mem.setInt(v, 4, intArg(value2, true));
                }
                case IoConstants.PR_SockOpt_RecvBufferSize, IoConstants.PR_SockOpt_SendBufferSize,
                     IoConstants.PR_SockOpt_MaxSegment -> {
                    arity(given, 2);
                    Mem.setLong(v, 0, Integer.toUnsignedLong(intArg(value, true)));
                }
                case IoConstants.PR_SockOpt_IpTimeToLive, IoConstants.PR_SockOpt_IpTypeOfService,
                     IoConstants.PR_SockOpt_McastTimeToLive -> {
                    arity(given, 2);
                    Mem.setInt(v, 0, intArg(value, true));
                }
                case IoConstants.PR_SockOpt_McastInterface -> {
                    arity(given, 2);
                    byte[] a = NetworkAddress.require(value, "set_socket_option() argument 2").rawBytes();
                    Mem.write(v, 0, a, 0, a.length);
                }
                case IoConstants.PR_SockOpt_AddMember, IoConstants.PR_SockOpt_DropMember -> {
                    arity(given, 3);
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

    private static void arity(int given, int expected) {
        if (given != expected)
            throw new ArgumentError("set_socket_option() takes exactly " + expected + " arguments (" + given + " given)");
    }

    /** C's "i" (signed) or "I" (unsigned, masked) conversion of a Python int or bool. */
    private static int intArg(Object v, boolean unsigned) {
        long l;
        if (v instanceof Integer || v instanceof Long) l = ((Number) v).longValue();
        else if (v instanceof Boolean b) l = b ? 1 : 0;
        else throw new ArgumentError("an integer is required");
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

    @Python(value = "connect(addr, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "Connects to the address (for UDP: sets the\n"
            + "default peer). Raises NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first.")
    public void connect(NetworkAddress addr, int timeout) {
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
            try (Lease l = lease(); Blocking b = blocking()) {
                return (int) call.applyAsLong(l.handle(), na);
            }
        } finally {
            Mem.free(na);
        }
    }

    @Python(value = "bind(addr, /)", doc = "Binds the socket to the address (PR_IpAddrAny for any interface, port 0 for any port).")
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

    @Python(value = "listen(backlog=5)", doc = "Listens for connections, queueing at most backlog pending ones.")
    public void listen(int backlog) {
        check(fd -> Nspr4.PR_Listen(fd, backlog));
    }

    /** Returns {Socket, NetworkAddress} of the next connection. */
    @Python(value = "accept(timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "-> (Socket, NetworkAddress)\n\n"
            + "Accepts a pending connection of a listening socket; returns the connected\n"
            + "socket and the peer's address. Raises NSPRError PR_IO_TIMEOUT_ERROR on timeout.")
    public Object[] accept(int timeout) {
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            long c;
            try (Lease l = lease(); Blocking b = blocking()) {
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
     * accept() followed by a first recv() on the new socket, each limited by
     * the timeout (NSPR's own PR_AcceptRead would wait for the connection
     * without limit). Returns {Socket, NetworkAddress, byte[]}.
     */
    @Python(value = "accept_read(amount, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "accept_read(amount, timeout=PR_INTERVAL_NO_TIMEOUT) "
            + "-> (Socket, NetworkAddress, buf)\n\n"
            + "Accepts a connection and reads at most amount bytes from it; returns the new\n"
            + "socket, the peer's address and the data.")
    public Object[] acceptRead(int amount, int timeout) {
        if (amount < 0) throw new IllegalArgumentException("negative amount");
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

    @Python(value = "shutdown(how=PR_SHUTDOWN_BOTH)", doc = "Disallows further receives (PR_SHUTDOWN_RCV), sends\n"
            + "(PR_SHUTDOWN_SEND) or both (PR_SHUTDOWN_BOTH).")
    public void shutdown(int how) {
        check(fd -> Nspr4.PR_Shutdown(fd, how));
    }

    /** Python's close(): undoes one makefile() reference, else closes; a closed socket is an error. */
    @Python(value = "close()", doc = "Closes the socket (after as many calls as makefile() made file objects).")
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

    @Python(value = "makefile(mode='r', buffersize=-1, /)", doc = "-> file object\n\n"
            + "Returns the socket itself, which has the file methods read, readline, readlines\n"
            + "and iteration; each makefile() needs one more close(). mode and buffersize are ignored.")
    public Socket makefile(String mode, int buffersize) {
        synchronized (closeLock) {
            makefileRefs++;
        }
        return this;
    }

    @Python(value = "fileno()", doc = "-> integer\n\nReturns the operating system's descriptor of the socket.")
    public int fileno() {
        if (isClosed()) throw new NSPRError(ErrorConstants.PR_INVALID_ARGUMENT_ERROR);
        try (Lease l = lease()) {
            long fd = l.handle();
            int os = Nspr4.PR_FileDesc2NativeHandle(fd);
            if (os == -1) throw NSPRError.last();
            return os;
        }
    }

    @Python(value = "get_sock_name()", doc = "-> NetworkAddress\n\nReturns the local address of the socket.")
    public NetworkAddress getSockName() {
        return name(true);
    }

    @Python(value = "get_peer_name()", doc = "-> NetworkAddress\n\nReturns the address of the connected peer.")
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

    @Python(value = "send(buf, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "-> amount\n\n"
            + "Sends the data; returns the number of bytes sent. Raises NSPRError on error or timeout.")
    public int send(byte[] buf, int timeout) {
        try (Lease l = lease(); Blocking b = blocking()) {
            int n = sendNative(l.handle(), buf, timeout);
            if (n < 0) throw NSPRError.last();
            return n;
        }
    }

    @Python(value = "sendall(buf, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "-> amount\n\n"
            + "Sends all the data (each send limited by the timeout); returns the number of bytes sent.")
    public int sendall(byte[] buf, int timeout) {
        try (Lease l = lease(); Blocking b = blocking()) {
            long fd = l.handle();
            int off = 0;
            do {
                byte[] part = off == 0 ? buf : Arrays.copyOfRange(buf, off, buf.length);
                int n = Nspr4.PR_Send(fd, part, part.length, 0, timeout);
                if (n < 0) throw NSPRError.last();
                off += n;
                if (n == 0 && part.length > 0) break;
            } while (off < buf.length);
            return off;
        }
    }

    @Python(value = "send_to(buf, addr, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "-> amount\n\n"
            + "Sends a datagram to the address; returns the number of bytes sent.")
    public int sendTo(byte[] buf, NetworkAddress addr, int timeout) {
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

    /** Largest transfer made through a per-thread native buffer; larger ones pass a Java array. */
    private static final int DIRECT_MAX = 1 << 20;

    /**
     * A thread's native buffer for send and receive, grown to the largest amount
     * used (up to DIRECT_MAX). A Java array passed to native code is copied whole
     * both ways (a 64 KiB receive answered by one 16 KiB TLS record moved 128 KiB);
     * through this buffer only the bytes sent or received are copied, once.
     */
    private static final class IoBuffer {
        java.nio.ByteBuffer buf;
        long address;
        /** set while a native call uses it: a callback on this thread (a handshake's) gets its own */
        boolean busy;

        long reserve(int amount) {
            if (buf == null || buf.capacity() < amount) {
                buf = java.nio.ByteBuffer.allocateDirect(Math.max(amount, 1 << 14));
                address = Mem.address(buf);
            }
            return address;
        }
    }

    private static final ThreadLocal<IoBuffer> IO_BUFFER = ThreadLocal.withInitial(IoBuffer::new);

    private static IoBuffer ioBuffer() {
        IoBuffer b = IO_BUFFER.get();
        return b.busy ? new IoBuffer() : b;
    }

    /** One PR_Recv of up to amount bytes. */
    private byte[] recvNative(int amount, int timeout) {
        if (amount > DIRECT_MAX) return recvNativeArray(amount, timeout);
        IoBuffer b = ioBuffer();
        long ptr = b.reserve(amount);
        b.busy = true;
        int n;
        try {
            try (Lease l = lease(); Blocking bl = blocking()) {
                n = Nspr4.PR_Recv(l.handle(), ptr, amount, 0, timeout);
                if (n < 0) throw NSPRError.last();
            }
            byte[] out = new byte[n];
            b.buf.get(0, out, 0, n);
            return out;
        } finally {
            b.busy = false;
        }
    }

    /** One PR_Send of data; returns what PR_Send returned. */
    private int sendNative(long fd, byte[] data, int timeout) {
        if (data.length > DIRECT_MAX) return Nspr4.PR_Send(fd, data, data.length, 0, timeout);
        IoBuffer b = ioBuffer();
        long ptr = b.reserve(data.length);
        b.busy = true;
        try {
            b.buf.put(0, data, 0, data.length);
            return Nspr4.PR_Send(fd, ptr, data.length, 0, timeout);
        } finally {
            b.busy = false;
        }
    }

    /** One PR_Recv of at most amount bytes into a Java array; empty at end of stream. */
    private byte[] recvNativeArray(int amount, int timeout) {
        byte[] buf = new byte[amount];
        int n;
        try (Lease l = lease(); Blocking b = blocking()) {
            long fd = l.handle();
            n = Nspr4.PR_Recv(fd, buf, amount, 0, timeout);
            if (n < 0) throw NSPRError.last();
        }
        return n == amount ? buf : Arrays.copyOf(buf, n);
    }

    /** Takes n bytes off the front of the read-ahead buffer. Caller holds readLock. */
    private byte[] takeAhead(int n) {
        byte[] out = Arrays.copyOf(ahead, n);
        System.arraycopy(ahead, n, ahead, 0, aheadLen - n);
        aheadLen -= n;
        return out;
    }

    private void dropAhead() {
        ahead = new byte[0];
        aheadLen = 0;
    }

    /** Reads more data into the read-ahead buffer; returns the count, 0 at end of stream. Caller holds readLock. */
    private int fillAhead(int timeout) {
        if (ahead.length - aheadLen < CHUNK) ahead = Arrays.copyOf(ahead, ahead.length + CHUNK);
        int room = ahead.length - aheadLen;
        byte[] got;
        try {
            got = recvNative(room, timeout);
        } catch (RuntimeException e) {
            dropAhead();                     // python-nss discards buffered data on a read error
            throw e;
        }
        System.arraycopy(got, 0, ahead, aheadLen, got.length);
        aheadLen += got.length;
        return got.length;
    }

    @Python(value = "recv(amount, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "-> buf\n\n"
            + "Receives at most amount bytes, waiting until some arrive; an empty result means\n"
            + "the peer closed the connection. Raises NSPRError PR_IO_TIMEOUT_ERROR on timeout.")
    public byte[] recv(long amount, int timeout) {
        if (amount < 0) throw new IllegalArgumentException("negative amount");
        if (amount > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("amount too large");
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

    @Python(value = "read(size=-1)", doc = "Reads at most size bytes as recv() does, or with a negative size everything\n"
            + "up to the end of the stream. An empty result means the connection is closed.")
    public byte[] read(long size) {
        readLock.lock();
        try {
            checkOpenForRead();
            if (size >= 0) {
                if (size > Integer.MAX_VALUE - 8) throw new OutOfMemoryError("size too large");
                return recvLocked((int) size, NO_TIMEOUT);
            }
            while (fillAhead(NO_TIMEOUT) != 0) {
                // until end of stream
            }
            byte[] all = Arrays.copyOf(ahead, aheadLen);
            dropAhead();
            return all;
        } finally {
            readLock.unlock();
        }
    }

    @Python(value = "readline(size=0)", doc = "-> buf\n\n"
            + "Reads one line, including its newline (absent at the end of the stream); with a\n"
            + "positive size at most size bytes. An empty result means end of stream. No line\n"
            + "ending conversion is made.")
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
                int i = 0;
                while (i < end && ahead[i] != '\n') i++;
                if (size > 0 && i == size) return takeAhead(i);
                if (i < aheadLen) return takeAhead(i + 1);
            }
            if (fillAhead(NO_TIMEOUT) == 0) return takeAhead(aheadLen);
        }
    }

    @Python(value = "readlines(sizehint=0)", doc = "-> [buf]\n\n"
            + "Reads lines with readline() until the end of the stream (the list then ends with\n"
            + "an empty string, as in python-nss), or with a positive sizehint until at least\n"
            + "that many bytes were read.")
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

    @Python("__iter__()")
    public Socket iter() {
        checkOpenForRead();
        return this;
    }

    /** The next line; NoSuchElementException (StopIteration) at end of stream. */
    @Python("__next__()")
    public byte[] next() {
        byte[] line = readline(0);
        if (line.length == 0) throw new NoSuchElementException();
        return line;
    }

    /**
     * Receives a datagram of at most amount bytes and stores the sender's
     * address in addr (which becomes this socket's netaddr).
     */
    @Python(value = "recv_from(amount, addr, timeout=PR_INTERVAL_NO_TIMEOUT)", doc = "recv_from(amount, addr, "
            + "timeout=PR_INTERVAL_NO_TIMEOUT) -> buf\n\n"
            + "Receives at most amount bytes (usually a UDP datagram); the sender's address is\n"
            + "stored in the NetworkAddress addr.")
    public byte[] recvFrom(int amount, NetworkAddress addr, int timeout) {
        checkFamily(addr);
        checkOpenForRead();
        if (amount < 0) throw new IllegalArgumentException("negative amount");
        netaddr = addr;
        byte[] buf = new byte[amount];
        long na = addr.toNative();
        try {
            int n;
            try (Lease l = lease(); Blocking b = blocking()) {
                long fd = l.handle();
                n = Nspr4.PR_RecvFrom(fd, buf, amount, 0, na, timeout);
                if (n < 0) throw NSPRError.last();
            }
            addr.loadNative(na);
            return n == amount ? buf : Arrays.copyOf(buf, n);
        } finally {
            Mem.free(na);
        }
    }

    // ---- static methods ----------------------------------------------------

    /** Returns {Socket, Socket}, connected to each other. */
    @Python(value = "new_tcp_pair()", doc = "-> (Socket, Socket)\n\n"
            + "Returns two connected TCP sockets: what is written to one can be read from the other.")
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

    @Python(value = "import_tcp_socket(osfd, /)", doc = "-> Socket\n\n"
            + "Returns a Socket using the operating system's SOCK_STREAM socket descriptor osfd.")
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
     * PR_Poll over (Socket, flags) pairs: poll_descs is a list or tuple of
     * two-item lists or tuples. Returns the out_flags of each, in order. A
     * closed socket takes part as a null descriptor (out_flags 0).
     */
    @Python(value = "poll(poll_descs, timeout, /)", doc = "-> (flags, ...)\n\n"
            + "Waits until at least one socket of poll_descs, a sequence of (Socket, flags)\n"
            + "pairs with flags a bitwise or of PR_POLL_* values, is ready, or the timeout\n"
            + "(an interval) expires. Returns the resulting flags of each socket, in order.")
    public static Object[] poll(Object pollDescs, int timeout) {
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
            long fl;
            if (f instanceof Integer || f instanceof Long) fl = ((Number) f).longValue();
            else if (f instanceof Boolean b) fl = b ? 1 : 0;
            else throw new ArgumentError("an integer is required");
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
                    try {
                        held[i] = socks[i].lease();
                        socks[i].blocking();
                        fd = held[i].handle();
                    } catch (NSPRError closedMeanwhile) {
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
