package org.jnss.io;

import org.jnss.core.Peered;

import org.jnss.natives.Layout;
import org.jnss.core.ArgumentError;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.util.ArrayList;
import java.util.List;

/**
 * A host database entry (PRHostEnt): official name, aliases, family and
 * addresses, from PR_GetHostByName or PR_GetHostByAddr; Python's
 * {@code nss.io.HostEntry}. Made by {@link #create} (the Python constructor),
 * {@link #byName} or {@link NetworkAddress#getHostentry()}. The entry is copied
 * to Java at construction, so a HostEntry owns no native memory and needs no
 * closing. In Python it is a sequence ({@code len()}, indexing, iteration) of
 * its addresses. NSPR's host lookups know only IPv4; {@link AddrInfo} is the
 * current way to resolve names.
 *
 * <p>An entry made by {@code NetworkAddress.hostentry} keeps only name and
 * family (aliases and addresses read None, indexing fails), as python-nss's does.
 */
public class HostEntry extends Peered {
    /** PR_NETDB_BUF_SIZE */
    private static final int BUF_SIZE = 2048;
    /** sizeof(PRHostEnt); h_name at 0, h_aliases at 8, h_addrtype (int32) at 16, h_addr_list at 24 */

    private final String hostname;
    private final int family;
    private final List<String> aliases;          // null when not initialised
    private final List<NetworkAddress> addrs;    // null when not initialised

    private HostEntry(String hostname, int family, List<String> aliases, List<NetworkAddress> addrs) {
        this.hostname = hostname;
        this.family = family;
        this.aliases = aliases;
        this.addrs = addrs;
    }

    /**
     * Looks a host up by name (PR_GetHostByName) or by address
     * (PR_GetHostByAddr), blocking while the system resolver works.
     *
     * @param addr a host name (str or unicode in Python), or a {@link NetworkAddress} for a reverse lookup
     * @return the host's entry
     * @throws org.jnss.core.ArgumentError (TypeError) if addr is neither a string nor a NetworkAddress
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the lookup finds nothing
     */
    @Python("HostEntry(addr)")
    public static HostEntry create(Object addr) {
        if (addr instanceof String s) return byName(s);
        if (addr instanceof NetworkAddress n) return byAddr(n, true);
        throw new ArgumentError("addr must be string, unicode or NetworkAddress object");
    }

    /**
     * Looks a host up by name (PR_GetHostByName); Java's form of
     * {@code HostEntry(name)}.
     *
     * @param name the host name
     * @return the host's entry, with aliases and addresses
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the lookup finds nothing
     */
    public static HostEntry byName(String name) {
        byte[] cName = Mem.utf8z(name);
        return lookup(true, (buf, ent) -> Nspr4.PR_GetHostByName(cName, buf, BUF_SIZE, ent));
    }

    /** PR_GetHostByAddr; with complete false only name and family are kept. */
    static HostEntry byAddr(NetworkAddress addr, boolean complete) {
        long na = addr.toNative();
        try {
            return lookup(complete, (buf, ent) -> Nspr4.PR_GetHostByAddr(na, buf, BUF_SIZE, ent));
        } finally {
            Mem.free(na);
        }
    }

    /** A PR_GetHostBy* call (status) into a fresh PRHostEnt and its buffer, read, then both freed. */
    private static HostEntry lookup(boolean complete, java.util.function.LongBinaryOperator call) {
        long buf = Mem.calloc(BUF_SIZE);
        long ent = Mem.calloc(Layout.HOSTENT_SIZE);
        try {
            if (call.applyAsLong(buf, ent) != 0) throw NSPRError.last();
            return read(ent, complete);
        } finally {
            Mem.free(ent);
            Mem.free(buf);
        }
    }

    private static HostEntry read(long ent, boolean complete) {
        String name = Mem.cString(Mem.getPointer(ent, 0));
        int family = Mem.getInt(ent, 16);
        if (!complete) return new HostEntry(name, family, null, null);
        List<String> aliases = new ArrayList<>();
        long list = Mem.getPointer(ent, 8);
        if (list != 0) {
            for (int i = 0; ; i++) {
                long p = Mem.getPointer(list, (long) i * Mem.POINTER_SIZE);
                if (p == 0) break;
                aliases.add(Mem.cString(p));
            }
        }
        int n = 0;
        long addrList = Mem.getPointer(ent, 24);
        if (addrList != 0) while (Mem.getPointer(addrList, (long) n * Mem.POINTER_SIZE) != 0) n++;
        List<NetworkAddress> addrs = new ArrayList<>();
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            for (int i = 0; i < n; i++) {
                if (Nspr4.PR_EnumerateHostEnt(i, ent, (short) 0, na) < 0) throw NSPRError.last();
                addrs.add(NetworkAddress.fromNative(na));
            }
        } finally {
            Mem.free(na);
        }
        return new HostEntry(name, family, List.copyOf(aliases), List.copyOf(addrs));
    }

    /**
     * The official name of the host.
     *
     * @return the host name
     */
    @Python("hostname")
    public String getHostname() {
        return hostname;
    }

    /**
     * The address family of the entry's addresses, e.g. {@code PR_AF_INET}.
     *
     * @return a {@code PR_AF_*} value
     */
    @Python("family")
    public int getFamily() {
        return family;
    }

    /**
     * The host's other names.
     *
     * @return the aliases (a tuple of str in Python), or null (None) for an
     *         entry made by {@code NetworkAddress.hostentry}
     */
    @Python("aliases")
    public Object[] getAliases() {
        return aliases == null ? null : aliases.toArray();
    }

    /**
     * Returns all the host's addresses. Deprecated, with a
     * DeprecationWarning: iterate over the HostEntry instead. As in
     * python-nss the port argument is ignored: the addresses keep the port
     * they were made with (0).
     *
     * @param port ignored (default 0)
     * @return the addresses (a tuple of NetworkAddress in Python), or null (None)
     *         for an entry made by {@code NetworkAddress.hostentry}
     */
    @Python("get_network_addresses(port=0)")
    public Object[] getNetworkAddresses(int port) {
        org.jnss.core.Warnings.deprecation("Use iteration instead (e.g. for net_adder in hostentry), the port parameter "
                + "is not respected, port will be value when HostEntry object was created.");
        return addrs == null ? null : addrs.toArray();
    }

    /**
     * Returns the host's first address. Deprecated, with a DeprecationWarning:
     * index the HostEntry instead. As in python-nss the port argument is
     * ignored: the address keeps the port it was made with (0).
     *
     * @param port ignored (default 0)
     * @return the first address, or null (None) for an entry made by {@code NetworkAddress.hostentry}
     * @throws IndexOutOfBoundsException (IndexError) if the entry has no address
     */
    @Python("get_network_address(port=0)")
    public NetworkAddress getNetworkAddress(int port) {
        org.jnss.core.Warnings.deprecation("Use indexing instead (e.g. hostentry[i]), the port parameter "
                + "is not respected, port will be value when HostEntry object was created.");
        if (addrs == null) return null;
        if (addrs.isEmpty()) throw new IndexOutOfBoundsException("tuple index out of range");
        return addrs.get(0);
    }

    private List<NetworkAddress> initialised() {
        if (addrs == null) throw new IllegalArgumentException("nss.io.HostEntry is uninitialized");
        return addrs;
    }

    /**
     * The number of addresses of the entry.
     *
     * @return how many addresses the entry holds
     * @throws IllegalArgumentException (ValueError) for an entry made by {@code NetworkAddress.hostentry}
     */
    @Python("__len__()")
    public int length() {
        return initialised().size();
    }

    /**
     * One of the entry's addresses, by position; Python's {@code entry[i]}.
     *
     * @param index the position, from 0; in Python an int, long or bool, a negative
     *              one counting from the end (any other key is a TypeError)
     * @return the address at that position
     * @throws IndexOutOfBoundsException (IndexError "tuple index out of range") if
     *         index is out of range
     * @throws IllegalArgumentException (ValueError) for an entry made by {@code NetworkAddress.hostentry}
     */
    @Python("__getitem__(index)")
    public NetworkAddress getItem(@Python.Index long index) {
        return Io.tupleItem(initialised(), index);
    }

    private static String tupleStr(List<?> items) {
        if (items == null) return "None";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) sb.append(", ");
            sb.append(items.get(i));
        }
        return sb.append(')').toString();
    }

    /**
     * Describes the entry as python-nss's {@code str()} does.
     *
     * @return {@code "name=... family=PR_AF_... aliases=(...) addresses=(...)"}, with
     *         {@code None} for the parts the entry does not hold
     */
    @Python("__str__()")
    @Override
    public String toString() {
        return "name=" + (hostname == null ? "None" : hostname) + " family=" + Io.addrFamilyName(family)
                + " aliases=" + tupleStr(aliases) + " addresses=" + tupleStr(addrs);
    }
}
