package org.jnss.io;

import org.jnss.core.CInts;
import org.jnss.core.Peered;

import org.jnss.natives.Layout;
import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An NSPR network address (PRNetAddr): family, port and IP address; Python's
 * {@code nss.io.NetworkAddress}. Made by its constructors (Python:
 * {@link #create}), or returned by {@link AddrInfo}, {@link HostEntry} and
 * sockets ({@code accept}, {@code get_peer_name}, ...). The PRNetAddr bytes
 * live on the Java heap; native copies exist only during a call that needs
 * one, so an address needs no closing. Mutable as in python-nss: the port may
 * be assigned, {@link #setFromString} re-initialises it, and
 * {@code Socket.recv_from} stores the sender's address in it. Its methods are
 * safe to call from several threads.
 */
public class NetworkAddress extends Peered {
    /** sizeof(PRNetAddr) on Linux. */
    static final String UNSET = "<unset>";

    private byte[] raw;
    private String hostname;
    private HostEntry hostentry;

    /** A copy of a native PRNetAddr. */
    static NetworkAddress fromNative(long addr) {
        return new NetworkAddress(Mem.read(addr, 0, Layout.NETADDR_SIZE));
    }

    NetworkAddress(byte[] raw) {
        this.raw = Arrays.copyOf(raw, Layout.NETADDR_SIZE);
    }

    /**
     * Makes an address of the family with the given port, the IP address set
     * as {@code PR_SetNetAddr(value, ...)} sets it.
     *
     * @param value  {@code PR_IpAddrNull} (address left zero), {@code PR_IpAddrAny}
     *               (the wildcard address), {@code PR_IpAddrLoopback} or {@code PR_IpAddrV4Mapped}
     * @param port   the port, 0 to 65535 (the low 16 bits are used)
     * @param family {@code PR_AF_INET} or {@code PR_AF_INET6}
     * @throws NSPRError PR_INVALID_ARGUMENT_ERROR if value is not one of the four
     */
    public NetworkAddress(int value, int port, int family) {
        byte[] made = made(value, family);
        if (made != null) {
            this.raw = made.clone();
            writePort(this.raw, port);
        } else {
            this.raw = new byte[Layout.NETADDR_SIZE];
            setNetAddr(value, family, port);
        }
    }

    /**
     * What PR_SetNetAddr writes into a zeroed PRNetAddr for each (value,
     * family) it accepts, with port 0, asked of NSPR once: the port is the only
     * part that differs between two such calls, and it is written here
     * (NativeAddressTest compares every combination with NSPR's own result).
     * A native call took ~2/3 of the constructor's time.
     */
    private static final byte[][] MADE = new byte[8][];

    /** NSPR's address for (value, family) with port 0, or null for a pair it refuses or one not kept. */
    private static byte[] made(int value, int family) {
        if (value < IoConstants.PR_IpAddrNull || value > IoConstants.PR_IpAddrV4Mapped) return null;
        int slot;
        if (family == IoConstants.PR_AF_INET) slot = 2 * value;
        else if (family == IoConstants.PR_AF_INET6) slot = 2 * value + 1;
        else return null;
        byte[] m = MADE[slot];
        if (m == null) {
            m = nsprSetNetAddr(new byte[Layout.NETADDR_SIZE], value, family, 0);
            if (m == null) return null;     // refused: each call asks, and raises NSPR's error
            MADE[slot] = m;     // (a race makes the same bytes twice)
        }
        return m;
    }

    /** PR_SetNetAddr applied to a copy of raw; null (NSPR's error set) when NSPR refuses. */
    private static byte[] nsprSetNetAddr(byte[] raw, int value, int family, int port) {
        long p = Mem.malloc(Layout.NETADDR_SIZE);
        try {
            Mem.write(p, 0, raw, 0, Layout.NETADDR_SIZE);
            if (Nspr4.PR_SetNetAddr(value, (short) family, (short) port, p) != 0) return null;
            return Mem.read(p, 0, Layout.NETADDR_SIZE);
        } finally {
            Mem.free(p);
        }
    }

    /** The port in a PRNetAddr's bytes, in network order (inet.port and ipv6.port share the offset). */
    private static void writePort(byte[] raw, int port) {
        raw[Layout.NETADDR_PORT] = (byte) (port >> 8);
        raw[Layout.NETADDR_PORT + 1] = (byte) port;
    }

    /**
     * Resolves a numeric address or host name (PR_GetAddrInfoByName) and makes
     * an address of it with the given port; {@link #getHostname()} then gives
     * the canonical name. As in python-nss, the address kept is the last one
     * the resolver lists, provided at least one of them is of the family. Unlike
     * {@link #create} this gives no DeprecationWarning.
     *
     * @param addr   a numeric IPv4 or IPv6 address or a host name
     * @param port   the port, 0 to 65535
     * @param family {@code PR_AF_INET} or {@code PR_AF_INET6}
     * @throws IllegalArgumentException if family is another value, or no address of the family was found
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the name does not resolve
     */
    public NetworkAddress(String addr, int port, int family) {
        this(IoConstants.PR_IpAddrNull, port, checkFamily(family));
        initFromString(addr, port, family);
    }

    /**
     * Makes an address: Python's {@code NetworkAddress(...)} constructor.
     *
     * <p>A string addr is resolved as {@link AddrInfo} does, with a
     * DeprecationWarning (the string form only suits IPv4; use AddrInfo). The
     * port can be changed later by assigning the {@code port} property.
     *
     * @param addr   null (None in Python, the default: same as {@code PR_IpAddrNull}),
     *               one of the ints {@code PR_IpAddrNull} (only the port is set),
     *               {@code PR_IpAddrAny} (the wildcard address), {@code PR_IpAddrLoopback}
     *               or {@code PR_IpAddrV4Mapped}, or a string: a numeric address or host name
     * @param port   the port (default 0)
     * @param family {@code PR_AF_INET} (the default) or {@code PR_AF_INET6}
     * @return the new address
     * @throws IllegalArgumentException (ValueError) if addr is another int or
     *         type, family is not one of the two, or a name has no address of the family
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if a name does not resolve
     */
    @Python("NetworkAddress(addr=, port=0, family=PR_AF_INET)")
    public static NetworkAddress create(Object addr, int port, int family) {
        int value = IoConstants.PR_IpAddrNull;
        if (addr != null && !(addr instanceof String)) {
            if (!CInts.isInteger(addr)) throw new IllegalArgumentException("addr must be an int or a string");
            // python-nss keeps the C long in an int; one that does not fit a C long reads as -1
            int v = (int) CInts.asLongOrFailed(addr);
            if (v < IoConstants.PR_IpAddrNull || v > IoConstants.PR_IpAddrV4Mapped)
                throw new IllegalArgumentException("addr is an int, must be PR_IpAddrNull, PR_IpAddrAny, "
                        + "PR_IpAddrLoopback or PR_IpAddrV4Mapped");
            value = v;
        }
        checkFamily(family);
        if (addr instanceof String s) {
            org.jnss.core.Warnings.deprecation(FROM_STRING_DEPRECATED);
            return new NetworkAddress(s, port, family);
        }
        return new NetworkAddress(value, port, family);
    }

    /** python-nss's DeprecationWarning for an address made from a string. */
    static final String FROM_STRING_DEPRECATED =
            "NetworkAddress initialization from a string parameter only works for IPv4, use AddrInfo instead.";

    private static int checkFamily(int family) {
        if (family != IoConstants.PR_AF_INET && family != IoConstants.PR_AF_INET6)
            throw new IllegalArgumentException("family must be PR_AF_INET or PR_AF_INET6");
        return family;
    }

    // ---- native representation -------------------------------------------

    /** A malloc'ed copy of the PRNetAddr; free with {@link Mem#free}. */
    synchronized long toNative() {
        long p = Mem.malloc(Layout.NETADDR_SIZE);
        Mem.write(p, 0, raw, 0, Layout.NETADDR_SIZE);
        return p;
    }

    /** Replaces the address with the contents of a native PRNetAddr. */
    synchronized void loadNative(long addr) {
        raw = Mem.read(addr, 0, Layout.NETADDR_SIZE);
    }

    synchronized byte[] rawBytes() {
        return raw.clone();
    }

    private synchronized void setNetAddr(int value, int family, int port) {
        byte[] set = nsprSetNetAddr(raw, value, family, port);
        if (set == null) throw NSPRError.last();
        raw = set;
    }

    /** The address family (PR_AF_*) of a PRNetAddr held in bytes. */
    static int familyOf(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getShort(Layout.NETADDR_FAMILY) & 0xFFFF;
    }

    // ---- resolution -------------------------------------------------------

    private void initFromString(String addr, int port, int family) {
        synchronized (this) {
            hostname = null;
            hostentry = null;
        }
        long info = Nspr4.PR_GetAddrInfoByName(Mem.utf8z(addr), (short) IoConstants.PR_AF_UNSPEC, IoConstants.PR_AI_ADDRCONFIG);
        if (info == 0) throw NSPRError.last();
        long buf = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            // like python-nss: every entry is enumerated and the last one is kept if any entry matched
            boolean found = false;
            long iter = 0;
            while ((iter = Nspr4.PR_EnumerateAddrInfo(iter, info, (short) port, buf)) != 0) {
                int f = Mem.getShort(buf, Layout.NETADDR_FAMILY) & 0xFFFF;
                if (family == IoConstants.PR_AF_UNSPEC || family == f) found = true;
            }
            if (!found) {
                synchronized (this) {
                    raw = new byte[Layout.NETADDR_SIZE];
                }
                throw new IllegalArgumentException("no address for \"" + addr + "\" in family " + Io.addrFamilyName(family));
            }
            loadNative(buf);
            String canonical = Mem.cString(Nspr4.PR_GetCanonNameFromAddrInfo(info));
            synchronized (this) {
                hostname = canonical != null ? canonical : addr;
            }
        } finally {
            Mem.free(buf);
            Nspr4.PR_FreeAddrInfo(info);
        }
    }

    /**
     * Re-initialises this address from a numeric address or host name,
     * keeping its port; the hostname property becomes the canonical name.
     * Deprecated, with a DeprecationWarning: use {@link AddrInfo}. As in
     * python-nss the address kept is the last one the resolver lists, provided
     * at least one is of the family; when none is, the address is cleared
     * (family PR_AF_UNSPEC, prints as {@code <unset>}) and ValueError raised.
     *
     * @param addr   a numeric IPv4 or IPv6 address or a host name
     * @param family {@code PR_AF_INET} (the default), {@code PR_AF_INET6}, or {@code PR_AF_UNSPEC} for either
     * @throws IllegalArgumentException (ValueError) if no address of the family was found
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the name does not resolve
     */
    @Python("set_from_string(addr, family=PR_AF_INET)")
    public void setFromString(String addr, int family) {
        org.jnss.core.Warnings.deprecation(FROM_STRING_DEPRECATED);
        initFromString(addr, getPort(), family);
    }

    // ---- properties --------------------------------------------------------

    /**
     * The address family.
     *
     * @return {@code PR_AF_INET}, {@code PR_AF_INET6}, or {@code PR_AF_UNSPEC}
     *         for an address cleared by a failed {@link #setFromString}
     */
    @Python("family")
    public synchronized int getFamily() {
        return familyOf(raw);
    }

    /**
     * The port number (assignable in Python: {@code addr.port = n}).
     *
     * @return the port, 0 to 65535, in host byte order
     */
    @Python("port")
    public synchronized int getPort() {
        // network byte order (inet.port and ipv6.port share the offset)
        return ((raw[Layout.NETADDR_PORT] & 0xFF) << 8) | (raw[Layout.NETADDR_PORT + 1] & 0xFF);
    }

    /**
     * Python's {@code addr.port = n}: sets the port, keeping the IP address.
     *
     * @param value an int (bool included); truncated to 16 bits as in C
     * @throws org.jnss.core.ArgumentError (TypeError) if value is null (Python's
     *         {@code del addr.port}) or not an integer
     */
    @Python("port")
    public void setPort(Object value) {
        if (value == null) throw new ArgumentError("Cannot delete the port attribute");
        if (!CInts.isInteger(value)) throw new ArgumentError("The port attribute value must be an integer");
        setPort((int) CInts.asLong(value));
    }

    /**
     * Sets the port, keeping the IP address (PR_SetNetAddr with PR_IpAddrNull).
     *
     * @param port the port; truncated to 16 bits
     */
    public void setPort(int port) {
        setNetAddr(IoConstants.PR_IpAddrNull, getFamily(), port);
    }

    /**
     * The IP address as text (PR_NetAddrToString), without the port.
     *
     * @return for instance {@code "127.0.0.1"} or {@code "::1"}; {@code "<unset>"} when the family is PR_AF_UNSPEC
     */
    @Python("address")
    public String getAddress() {
        byte[] snapshot = rawBytes();
        if (familyOf(snapshot) == IoConstants.PR_AF_UNSPEC) return UNSET;
        return addressString(snapshot);
    }

    /** PR_NetAddrToString of an address. */
    static String addressString(byte[] raw) {
        byte[] text = Nspr4.netAddrText(addr -> Mem.write(addr, 0, raw, 0, Layout.NETADDR_SIZE));
        if (text == null) throw NSPRError.last();
        return new String(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The host name this address was resolved from.
     *
     * @return the canonical host name (or the string given, when the resolver
     *         reports no canonical name) for an address made from a string;
     *         null (None in Python) otherwise
     */
    @Python("hostname")
    public synchronized String getHostname() {
        return hostname;
    }

    /**
     * A reverse lookup of this address (PR_GetHostByAddr), made at the first
     * read and kept. Deprecated, with a DeprecationWarning at each read: host
     * entries only support IPv4; use {@link AddrInfo}.
     *
     * @return an entry holding only the host name and family (its aliases and
     *         addresses are None), as python-nss's is
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the lookup finds nothing
     */
    @Python("hostentry")
    public HostEntry getHostentry() {
        org.jnss.core.Warnings.deprecation(
                "HostEntry objects only support IPv4, this property will be removed, use AddrInfo instead");
        synchronized (this) {
            if (hostentry != null) return hostentry;
        }
        HostEntry h = HostEntry.byAddr(this, false);
        synchronized (this) {
            if (hostentry == null) hostentry = h;
            return hostentry;
        }
    }

    /**
     * The address as python-nss 1.0.1 prints it: the same as {@link #getAddress()}.
     *
     * @return the IP address without the port, or {@code <unset>}
     */
    @Python("__str__()")
    @Override
    public String toString() {
        return getAddress();
    }

    /** o as a NetworkAddress, else a TypeError "<where> must be nss.io.NetworkAddress, not <type>". */
    static NetworkAddress require(Object o, String where) {
        if (o instanceof NetworkAddress n) return n;
        throw new ArgumentError(where + " must be nss.io.NetworkAddress, not " + PyTypeNames.of(o));
    }
}
