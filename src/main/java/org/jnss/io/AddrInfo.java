package org.jnss.io;

import org.jnss.core.Peered;

import org.jnss.natives.Layout;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses of a host as PR_GetAddrInfoByName finds them, in order; Python's
 * {@code nss.io.AddrInfo}. Made by its constructor, which does the lookup: the
 * result is copied into {@link NetworkAddress} objects (port 0) and NSPR's copy
 * is released at once, so an AddrInfo owns no native memory and needs no
 * closing. It is immutable; in Python it is a sequence ({@code len()},
 * indexing, iteration) of its addresses.
 */
public class AddrInfo extends Peered {
    private final String hostname;
    private final String canonicalName;
    private final List<NetworkAddress> addrs;

    /**
     * Looks up the addresses of a host name or numeric address
     * (PR_GetAddrInfoByName). Blocks while the system resolver works; the
     * resolver's own timeouts apply.
     *
     * @param hostname a host name or a numeric IPv4 or IPv6 address
     * @param family   {@code PR_AF_UNSPEC} (the default: IPv4 and IPv6) or
     *                 {@code PR_AF_INET} (IPv4 only); to keep only IPv6
     *                 addresses, filter on {@link NetworkAddress#getFamily()}
     * @param flags    {@code PR_AI_ADDRCONFIG} (the default), optionally or'ed
     *                 with {@code PR_AI_NOCANONNAME} to skip the canonical name
     * @throws NSPRError PR_DIRECTORY_LOOKUP_ERROR if the name does not resolve,
     *                   PR_INVALID_ARGUMENT_ERROR for a family or flags NSPR refuses
     */
    @Python("AddrInfo(hostname, family=PR_AF_UNSPEC, flags=PR_AI_ADDRCONFIG)")
    public AddrInfo(String hostname, int family, int flags) {
        this.hostname = hostname;
        long info = Nspr4.PR_GetAddrInfoByName(Mem.utf8z(hostname), (short) family, flags);
        if (info == 0) throw NSPRError.last();
        long buf = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            List<NetworkAddress> list = new ArrayList<>();
            long iter = 0;
            while ((iter = Nspr4.PR_EnumerateAddrInfo(iter, info, (short) 0, buf)) != 0) {
                list.add(NetworkAddress.fromNative(buf));
            }
            this.addrs = Collections.unmodifiableList(list);
            this.canonicalName = Mem.cString(Nspr4.PR_GetCanonNameFromAddrInfo(info));
        } finally {
            Mem.free(buf);
            Nspr4.PR_FreeAddrInfo(info);
        }
    }

    /**
     * The host name or address string the lookup was made for, as given.
     *
     * @return the host name
     */
    @Python("hostname")
    public String getHostname() {
        return hostname;
    }

    /**
     * The host's canonical name as the resolver reported it.
     *
     * @return the canonical name, or null (None in Python) when the resolver
     *         gave none (for instance with {@code PR_AI_NOCANONNAME})
     */
    @Python("canonical_name")
    public String getCanonicalName() {
        return canonicalName;
    }

    /**
     * The addresses found, in the resolver's order (Java only; Python indexes or
     * iterates over the AddrInfo itself).
     *
     * @return an unmodifiable list of the addresses, each with port 0
     */
    public List<NetworkAddress> getAddresses() {
        return addrs;
    }

    /**
     * The number of addresses found.
     *
     * @return how many addresses the lookup returned
     */
    @Python("__len__()")
    public int length() {
        return addrs.size();
    }

    /**
     * One of the addresses, by position; Python's {@code info[i]}.
     *
     * @param index the position, from 0; in Python an int, long or bool, a negative
     *              one counting from the end (any other key is a TypeError)
     * @return the address at that position
     * @throws IndexOutOfBoundsException (IndexError "tuple index out of range") if
     *         index is out of range
     */
    @Python("__getitem__(index)")
    public NetworkAddress getItem(@Python.Index long index) {
        return Io.tupleItem(addrs, index);
    }

    /**
     * Describes the lookup as python-nss's {@code str()} does: host name,
     * canonical name, the number of addresses and each address.
     *
     * @return for instance {@code "host=localhost canonical=localhost (1 addrs) addr[0]=127.0.0.1"}
     */
    @Python("__str__()")
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("host=").append(hostname).append(" canonical=").append(canonicalName == null ? "None" : canonicalName)
                .append(" (").append(addrs.size()).append(" addrs)");
        for (int i = 0; i < addrs.size(); i++) sb.append(" addr[").append(i).append("]=").append(addrs.get(i));
        return sb.toString();
    }
}
