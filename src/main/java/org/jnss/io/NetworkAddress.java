package org.jnss.io;

import org.jnss.core.ArgumentError;
import org.jnss.core.PyTypeNames;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An NSPR network address (PRNetAddr): family, port and IP address. The
 * PRNetAddr bytes live on the Java heap; native copies exist only during a
 * call that needs one. Mutable as in python-nss: the port may be assigned,
 * {@link #setFromString} re-initialises it, and {@code Socket.recv_from}
 * stores the sender's address in it.
 */
@Python.Type(doc = "NetworkAddress(addr=None, port=0, family=PR_AF_INET)\n\n"
        + "An IPv4 or IPv6 network address with a port.\n\n"
        + "addr may be one of the integers PR_IpAddrNull (only the port is set),\n"
        + "PR_IpAddrAny (the wildcard address), PR_IpAddrLoopback or\n"
        + "PR_IpAddrV4Mapped, or a string: a numeric address or a host name,\n"
        + "resolved as AddrInfo does (deprecated; prefer AddrInfo). family is\n"
        + "PR_AF_INET or PR_AF_INET6. The port can be changed later by assigning\n"
        + "the port attribute.")
public class NetworkAddress {
    /** sizeof(PRNetAddr) on Linux. */
    static final int SIZEOF = 112;
    private static final int OFF_FAMILY = 0;
    private static final int OFF_PORT = 2;
    static final String UNSET = "<unset>";

    private byte[] raw;
    private String hostname;
    private HostEntry hostentry;

    /** A copy of a native PRNetAddr. */
    static NetworkAddress fromNative(long addr) {
        return new NetworkAddress(Mem.read(addr, 0, SIZEOF));
    }

    NetworkAddress(byte[] raw) {
        this.raw = Arrays.copyOf(raw, SIZEOF);
    }

    /** An address of the family with the given port, the IP address set as {@code PR_SetNetAddr(value, ...)} sets it. */
    public NetworkAddress(int value, int port, int family) {
        this.raw = new byte[SIZEOF];
        setNetAddr(value, family, port);
    }

    /** Resolves a numeric address or host name, keeping the first match of the family (PR_AF_UNSPEC: any). */
    public NetworkAddress(String addr, int port, int family) {
        this(IoConstants.PR_IpAddrNull, port, checkFamily(family));
        initFromString(addr, port, family);
    }

    @Python("NetworkAddress(addr=None, port=0, family=PR_AF_INET)")
    public static NetworkAddress create(Object addr, int port, int family) {
        int value = IoConstants.PR_IpAddrNull;
        if (addr != null && !(addr instanceof String)) {
            if (!(addr instanceof Integer || addr instanceof Long || addr instanceof Boolean))
                throw new IllegalArgumentException("addr must be an int or a string");
            long v = addr instanceof Boolean b ? (b ? 1 : 0) : ((Number) addr).longValue();
            if (v < IoConstants.PR_IpAddrNull || v > IoConstants.PR_IpAddrV4Mapped)
                throw new IllegalArgumentException("addr is an int, must be PR_IpAddrNull, PR_IpAddrAny, "
                        + "PR_IpAddrLoopback or PR_IpAddrV4Mapped");
            value = (int) v;
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
        long p = Mem.malloc(SIZEOF);
        Mem.write(p, 0, raw, 0, SIZEOF);
        return p;
    }

    /** Replaces the address with the contents of a native PRNetAddr. */
    synchronized void loadNative(long addr) {
        raw = Mem.read(addr, 0, SIZEOF);
    }

    synchronized byte[] rawBytes() {
        return raw.clone();
    }

    private void setNetAddr(int value, int family, int port) {
        long p = toNative();
        try {
            if (Nspr4.PR_SetNetAddr(value, (short) family, (short) port, p) != 0) throw NSPRError.last();
            loadNative(p);
        } finally {
            Mem.free(p);
        }
    }

    /** The address family (PR_AF_*) of a PRNetAddr held in bytes. */
    static int familyOf(byte[] raw) {
        return ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).getShort(OFF_FAMILY) & 0xFFFF;
    }

    // ---- resolution -------------------------------------------------------

    private void initFromString(String addr, int port, int family) {
        synchronized (this) {
            hostname = null;
            hostentry = null;
        }
        long info = Nspr4.PR_GetAddrInfoByName(addr, (short) IoConstants.PR_AF_UNSPEC, IoConstants.PR_AI_ADDRCONFIG);
        if (info == 0) throw NSPRError.last();
        long buf = Mem.calloc(SIZEOF);
        try {
            // like python-nss: every entry is enumerated and the last one is kept if any entry matched
            boolean found = false;
            long iter = 0;
            while ((iter = Nspr4.PR_EnumerateAddrInfo(iter, info, (short) port, buf)) != 0) {
                int f = Mem.getShort(buf, OFF_FAMILY) & 0xFFFF;
                if (family == IoConstants.PR_AF_UNSPEC || family == f) found = true;
            }
            if (!found) {
                synchronized (this) {
                    raw = new byte[SIZEOF];
                }
                throw new IllegalArgumentException("no address for \"" + addr + "\" in family " + Io.addrFamilyName(family));
            }
            loadNative(buf);
            String canonical = Nspr4.PR_GetCanonNameFromAddrInfo(info);
            synchronized (this) {
                hostname = canonical != null ? canonical : addr;
            }
        } finally {
            Mem.free(buf);
            Nspr4.PR_FreeAddrInfo(info);
        }
    }

    @Python(value = "set_from_string(addr, family=PR_AF_INET)",
            doc = "Re-initialises the address from a numeric address or host name, keeping the port;\n"
                    + "family may be PR_AF_INET, PR_AF_INET6 or PR_AF_UNSPEC. Deprecated: use AddrInfo.")
    public void setFromString(String addr, int family) {
        org.jnss.core.Warnings.deprecation(FROM_STRING_DEPRECATED);
        initFromString(addr, getPort(), family);
    }

    // ---- properties --------------------------------------------------------

    @Python(value = "family", doc = "address family (PR_AF_INET, PR_AF_INET6, ...)")
    public synchronized int getFamily() {
        return familyOf(raw);
    }

    @Python(value = "port", doc = "port number (assignable)")
    public synchronized int getPort() {
        // network byte order (inet.port and ipv6.port share the offset)
        return ((raw[OFF_PORT] & 0xFF) << 8) | (raw[OFF_PORT + 1] & 0xFF);
    }

    /** Python's {@code addr.port = n}: an int (bool included); the value is truncated to 16 bits as in C. */
    @Python("port")
    public void setPort(Object value) {
        if (value == null) throw new ArgumentError("Cannot delete the port attribute");
        long port;
        if (value instanceof Integer || value instanceof Long) port = ((Number) value).longValue();
        else if (value instanceof Boolean b) port = b ? 1 : 0;
        else throw new ArgumentError("The port attribute value must be an integer");
        setPort((int) port);
    }

    public void setPort(int port) {
        setNetAddr(IoConstants.PR_IpAddrNull, getFamily(), port);
    }

    @Python(value = "address", doc = "the IP address as a string")
    public String getAddress() {
        byte[] snapshot = rawBytes();
        if (familyOf(snapshot) == IoConstants.PR_AF_UNSPEC) return UNSET;
        return addressString(snapshot);
    }

    /** PR_NetAddrToString of an address. */
    static String addressString(byte[] raw) {
        long p = Mem.malloc(SIZEOF);
        try {
            Mem.write(p, 0, raw, 0, SIZEOF);
            byte[] buf = new byte[1024];
            if (Nspr4.PR_NetAddrToString(p, buf, buf.length) != 0) throw NSPRError.last();
            int n = 0;
            while (n < buf.length && buf[n] != 0) n++;
            return new String(buf, 0, n, StandardCharsets.UTF_8);
        } finally {
            Mem.free(p);
        }
    }

    @Python(value = "hostname", doc = "the canonical host name (or the string given) when made from a string, else None")
    public synchronized String getHostname() {
        return hostname;
    }

    @Python(value = "hostentry", doc = "a HostEntry for this address, looked up once (deprecated: IPv4 only; use AddrInfo)")
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

    /** The address as python-nss 1.0.1 prints it: the address without the port, or {@code <unset>}. */
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
