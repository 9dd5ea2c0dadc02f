package org.jnss.io;

import org.jnss.core.ArgumentError;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkAddressTest {
    @Test
    void parsesNumericAddresses() {
        NetworkAddress a = NetworkAddress.create("127.0.0.1", 8080, IoConstants.PR_AF_INET);
        assertEquals("127.0.0.1", a.toString());        // python-nss 1.0.1 prints no port
        assertEquals("127.0.0.1", a.getAddress());
        assertEquals(8080, a.getPort());
        assertEquals(IoConstants.PR_AF_INET, a.getFamily());
        assertEquals("127.0.0.1", a.getHostname());

        NetworkAddress six = NetworkAddress.create("::1", 443, IoConstants.PR_AF_INET6);
        assertEquals("::1", six.toString());
        assertEquals(443, six.getPort());
        assertEquals(IoConstants.PR_AF_INET6, six.getFamily());
    }

    @Test
    void integerValuesSetTheWellKnownAddresses() {
        assertEquals("0.0.0.0", NetworkAddress.create(IoConstants.PR_IpAddrAny, 80, IoConstants.PR_AF_INET).toString());
        assertEquals("127.0.0.1", NetworkAddress.create(IoConstants.PR_IpAddrLoopback, 80, IoConstants.PR_AF_INET).toString());
        assertEquals("::1", NetworkAddress.create(IoConstants.PR_IpAddrLoopback, 80, IoConstants.PR_AF_INET6).toString());
        NetworkAddress none = NetworkAddress.create(null, 0, IoConstants.PR_AF_INET);
        assertEquals("0.0.0.0", none.toString());
        assertNull(none.getHostname());
        NSPRError e = assertThrows(NSPRError.class,
                () -> NetworkAddress.create(IoConstants.PR_IpAddrV4Mapped, 80, IoConstants.PR_AF_INET));
        assertEquals(ErrorConstants.PR_INVALID_ARGUMENT_ERROR, e.getErrorCode());
    }

    /** The constructor's addresses are, byte for byte, what NSPR's PR_SetNetAddr makes of a zeroed PRNetAddr. */
    @Test
    void wellKnownAddressesAreWhatNsprMakes() {
        int[] ports = {0, 1, 80, 443, 8080, 0x1234, 65535, 70000, -1};
        for (int family : new int[]{IoConstants.PR_AF_INET, IoConstants.PR_AF_INET6}) {
            for (int value = IoConstants.PR_IpAddrNull; value <= IoConstants.PR_IpAddrV4Mapped; value++) {
                for (int round = 0; round < 2; round++) {      // the first asks NSPR, the second reuses
                    for (int port : ports) {
                        long p = org.jnss.natives.Mem.malloc(org.jnss.natives.Layout.NETADDR_SIZE);
                        byte[] expected;
                        int status;
                        try {
                            org.jnss.natives.Mem.write(p, 0, new byte[org.jnss.natives.Layout.NETADDR_SIZE], 0,
                                    org.jnss.natives.Layout.NETADDR_SIZE);
                            status = org.jnss.natives.Nspr4.PR_SetNetAddr(value, (short) family, (short) port, p);
                            expected = org.jnss.natives.Mem.read(p, 0, org.jnss.natives.Layout.NETADDR_SIZE);
                        } finally {
                            org.jnss.natives.Mem.free(p);
                        }
                        String what = "value " + value + ", family " + family + ", port " + port;
                        int v = value, f = family, pt = port;
                        if (status != 0) {
                            NSPRError e = assertThrows(NSPRError.class, () -> new NetworkAddress(v, pt, f), what);
                            assertEquals(ErrorConstants.PR_INVALID_ARGUMENT_ERROR, e.getErrorCode(), what);
                        } else {
                            NetworkAddress a = new NetworkAddress(v, pt, f);
                            org.junit.jupiter.api.Assertions.assertArrayEquals(expected, a.rawBytes(), what);
                            assertEquals(port & 0xFFFF, a.getPort(), what);
                        }
                    }
                }
            }
        }
    }

    @Test
    void badArgumentsAreValueAndTypeErrors() {
        assertThrows(IllegalArgumentException.class, () -> NetworkAddress.create(7, 0, IoConstants.PR_AF_INET));
        assertThrows(IllegalArgumentException.class, () -> NetworkAddress.create(1.5, 0, IoConstants.PR_AF_INET));
        assertThrows(IllegalArgumentException.class, () -> NetworkAddress.create("127.0.0.1", 0, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkAddress.create("::1", 0, IoConstants.PR_AF_INET));
        assertEquals("no address for \"::1\" in family PR_AF_INET", e.getMessage());
        NetworkAddress a = NetworkAddress.create("127.0.0.1", 1, IoConstants.PR_AF_INET);
        assertThrows(ArgumentError.class, () -> a.setPort("x"));
        assertThrows(ArgumentError.class, () -> a.setPort((Object) null));
    }

    @Test
    void portIsAssignableAndTruncatedTo16Bits() {
        NetworkAddress a = NetworkAddress.create("127.0.0.1", 70000, IoConstants.PR_AF_INET);
        assertEquals(70000 & 0xFFFF, a.getPort());
        a.setPort((Object) 99);
        assertEquals(99, a.getPort());
        a.setPort((Object) (-1));
        assertEquals(65535, a.getPort());
        assertEquals("127.0.0.1", a.getAddress());
    }

    @Test
    void setFromStringKeepsThePortAndAFailureUnsetsTheAddress() {
        NetworkAddress a = NetworkAddress.create("127.0.0.1", 8, IoConstants.PR_AF_INET);
        a.setFromString("127.0.0.5", IoConstants.PR_AF_INET);
        assertEquals("127.0.0.5", a.toString());
        assertEquals(8, a.getPort());
        a.setFromString("::1", IoConstants.PR_AF_UNSPEC);
        assertEquals(IoConstants.PR_AF_INET6, a.getFamily());
        assertThrows(IllegalArgumentException.class, () -> a.setFromString("::1", IoConstants.PR_AF_INET));
        assertEquals("<unset>", a.toString());
        assertNull(a.getHostname());
    }

    @Test
    void unknownHostsAreLookupErrors() {
        NSPRError e = assertThrows(NSPRError.class,
                () -> NetworkAddress.create("no.such.host.invalid", 1, IoConstants.PR_AF_INET));
        assertEquals(ErrorConstants.PR_DIRECTORY_LOOKUP_ERROR, e.getErrorCode());
    }

    @Test
    void addrInfoListsTheAddressesOfAHost() {
        AddrInfo ai = new AddrInfo("127.0.0.1", IoConstants.PR_AF_UNSPEC, IoConstants.PR_AI_ADDRCONFIG);
        assertEquals(1, ai.length());
        assertEquals("127.0.0.1", ai.getItem(0).toString());
        // Java indexes from 0 only (Python's negative indices are the binder's)
        assertThrows(IndexOutOfBoundsException.class, () -> ai.getItem(-1));
        assertEquals("host=127.0.0.1 canonical=127.0.0.1 (1 addrs) addr[0]=127.0.0.1", ai.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> ai.getItem(1));
        AddrInfo noCanon = new AddrInfo("localhost", IoConstants.PR_AF_UNSPEC,
                IoConstants.PR_AI_ADDRCONFIG | IoConstants.PR_AI_NOCANONNAME);
        assertNull(noCanon.getCanonicalName());
        assertTrue(noCanon.length() >= 1);
    }

    @Test
    void hostEntryByNameAndByAddress() {
        HostEntry h = HostEntry.create("localhost");
        assertEquals(IoConstants.PR_AF_INET, h.getFamily());
        assertTrue(h.length() >= 1);
        assertTrue(h.toString().startsWith("name=" + h.getHostname() + " family=PR_AF_INET aliases=("), h.toString());
        HostEntry lazy = NetworkAddress.create("127.0.0.1", 0, IoConstants.PR_AF_INET).getHostentry();
        assertNull(lazy.getAliases());
        assertNull(lazy.getNetworkAddresses(0));
        assertThrows(IllegalArgumentException.class, lazy::length);
        assertThrows(ArgumentError.class, () -> HostEntry.create(5));
    }

    @Test
    void moduleFunctions() {
        assertEquals(256, Io.htons(1));
        assertEquals(30806, Io.htons(0x12345678));
        assertEquals(16777216, Io.htonl(1));
        assertEquals(-1, Io.ntohl(-1));
        assertThrows(ArithmeticException.class, () -> Io.htonl(1L << 31));
        assertEquals("PR_AF_INET6", Io.addrFamilyName(IoConstants.PR_AF_INET6));
        assertEquals("unknown(0x63)", Io.addrFamilyName(99));
        long tps = Io.ticksPerSecond();
        assertTrue(tps >= IoConstants.PR_INTERVAL_MIN && tps <= IoConstants.PR_INTERVAL_MAX);
        assertEquals(tps, Io.secondsToInterval(1));
        assertEquals(2, Io.intervalToSeconds(Io.secondsToInterval(2)));
        assertEquals(6, Io.getProtoByName("tcp"));
        assertEquals("udp", Io.getProtoByNumber(17)[0]);
    }
}
