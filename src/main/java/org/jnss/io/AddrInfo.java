package org.jnss.io;

import org.jnss.natives.Layout;
import org.jnss.core.Python;
import org.jnss.error.NSPRError;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The addresses of a host as PR_GetAddrInfoByName finds them, in order. The
 * lookup result is copied into {@link NetworkAddress} objects (port 0) and
 * released at once.
 */
@Python.Type(doc = "AddrInfo(hostname, family=PR_AF_UNSPEC, flags=PR_AI_ADDRCONFIG)\n\n"
        + "The network addresses of a host name or numeric address, as an ordered\n"
        + "sequence of NetworkAddress objects (port 0): index it or iterate over it,\n"
        + "and try the addresses in turn. family is PR_AF_UNSPEC or PR_AF_INET;\n"
        + "flags is PR_AI_ADDRCONFIG, optionally or'ed with PR_AI_NOCANONNAME to\n"
        + "skip the canonical name. To keep only IPv6 addresses, filter on\n"
        + "NetworkAddress.family.")
public class AddrInfo {
    private final String hostname;
    private final String canonicalName;
    private final List<NetworkAddress> addrs;

    @Python("AddrInfo(hostname, family=PR_AF_UNSPEC, flags=PR_AI_ADDRCONFIG)")
    public AddrInfo(String hostname, int family, int flags) {
        this.hostname = hostname;
        long info = Nspr4.PR_GetAddrInfoByName(hostname, (short) family, flags);
        if (info == 0) throw NSPRError.last();
        long buf = Mem.calloc(Layout.NETADDR_SIZE);
        try {
            List<NetworkAddress> list = new ArrayList<>();
            long iter = 0;
            while ((iter = Nspr4.PR_EnumerateAddrInfo(iter, info, (short) 0, buf)) != 0) {
                list.add(NetworkAddress.fromNative(buf));
            }
            this.addrs = Collections.unmodifiableList(list);
            this.canonicalName = Nspr4.PR_GetCanonNameFromAddrInfo(info);
        } finally {
            Mem.free(buf);
            Nspr4.PR_FreeAddrInfo(info);
        }
    }

    @Python(value = "hostname", doc = "the host name or address string the lookup was made for")
    public String getHostname() {
        return hostname;
    }

    @Python(value = "canonical_name", doc = "the canonical name of the host, or None if not known")
    public String getCanonicalName() {
        return canonicalName;
    }

    /** The addresses found, in order. */
    public List<NetworkAddress> getAddresses() {
        return addrs;
    }

    @Python("__len__()")
    public int length() {
        return addrs.size();
    }

    @Python("__getitem__(index)")
    public NetworkAddress getItem(@Python.Index long index) {
        return Io.tupleItem(addrs, index);
    }

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
