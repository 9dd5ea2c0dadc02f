package org.jnss.io;

import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SocketTest {
    private static final int NO_TIMEOUT = (int) IoConstants.PR_INTERVAL_NO_TIMEOUT;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static Socket[] pair() {
        Object[] p = Socket.newTcpPair();
        return new Socket[]{(Socket) p[0], (Socket) p[1]};
    }

    @Test
    void tcpPairRoundTrip() {
        Socket[] p = pair();
        try (Socket a = p[0]; Socket c = p[1]) {
            assertEquals(5, a.send(b("hello"), NO_TIMEOUT));
            assertEquals("hello", s(c.recv(5, NO_TIMEOUT)));
            assertEquals(3, c.sendall(b("abc"), NO_TIMEOUT));
            assertEquals("abc", s(a.recv(100, NO_TIMEOUT)));
            assertEquals(IoConstants.PR_DESC_SOCKET_TCP, a.getDescType());
            assertTrue(a.toString().startsWith("family="));
        }
    }

    @Test
    void sendallOfALargeBufferArrivesWhole() throws Exception {
        Socket[] p = pair();
        byte[] data = new byte[1 << 20];
        for (int i = 0; i < data.length; i++) data[i] = (byte) (i * 31);
        try (Socket a = p[0]; Socket c = p[1]) {
            AtomicReference<Object> got = new AtomicReference<>();
            Thread t = new Thread(() -> {
                try {
                    got.set(c.read(-1));
                } catch (Throwable e) {
                    got.set(e);
                }
            });
            t.start();
            assertEquals(data.length, a.sendall(data, NO_TIMEOUT));
            a.shutdown(IoConstants.PR_SHUTDOWN_SEND);
            t.join();
            assertInstanceOf(byte[].class, got.get(), String.valueOf(got.get()));
            assertArrayEquals(data, (byte[]) got.get());
        }
    }

    @Test
    void recvTimesOutWithTheNsprCode() {
        Socket[] p = pair();
        try (Socket a = p[0]; Socket c = p[1]) {
            NSPRError e = assertThrows(NSPRError.class, () -> c.recv(10, 0));
            assertEquals(ErrorConstants.PR_IO_TIMEOUT_ERROR, e.getErrorCode());
            e = assertThrows(NSPRError.class, () -> c.recv(10, (int) Io.millisecondsToInterval(20)));
            assertEquals(ErrorConstants.PR_IO_TIMEOUT_ERROR, e.getErrorCode());
            assertEquals(0, a.blockingCalls());
        }
    }

    @Test
    void linesAndReadAheadShareOneBuffer() {
        Socket[] p = pair();
        try (Socket a = p[0]; Socket c = p[1]) {
            a.sendall(b("one\ntwo\nthree\nfour"), NO_TIMEOUT);
            a.shutdown(IoConstants.PR_SHUTDOWN_SEND);
            assertEquals("one\n", s(c.readline(0)));
            assertEquals("tw", s(c.readline(2)));
            assertEquals("o\n", s(c.next()));
            assertEquals("thr", s(c.recv(3, NO_TIMEOUT)));
            List<byte[]> rest = c.readlines(0);
            assertEquals(3, rest.size());
            assertEquals("ee\n", s(rest.get(0)));
            assertEquals("four", s(rest.get(1)));
            assertEquals("", s(rest.get(2)));
            assertThrows(NoSuchElementException.class, c::next);
            assertEquals(0, c.recv(10, NO_TIMEOUT).length);
        }
    }

    /**
     * Reads of every kind mixed at random over a stream many times the read-ahead buffer's
     * step, with lines longer than it: what comes out, in order, is the stream; every
     * readline ends at its newline, at its size limit or at the end of the stream.
     */
    @Test
    void mixedReadsOverManyBufferRefillsGiveTheStreamInOrder() throws Exception {
        java.util.Random random = new java.util.Random(11);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        while (stream.size() < 300_000) {
            int len = random.nextInt(10) == 0 ? 8_000 + random.nextInt(20_000) : random.nextInt(80);
            for (int i = 0; i < len; i++) stream.write('a' + random.nextInt(26));
            if (random.nextInt(20) != 0) stream.write('\n');
        }
        byte[] data = stream.toByteArray();
        Socket[] p = pair();
        try (Socket a = p[0]; Socket c = p[1]) {
            Thread writer = new Thread(() -> {
                a.sendall(data, NO_TIMEOUT);
                a.shutdown(IoConstants.PR_SHUTDOWN_SEND);
            });
            writer.start();
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            for (;;) {
                int kind = random.nextInt(5);
                byte[] part;
                if (kind == 4) {
                    part = c.read(-1);
                    got.write(part);
                    break;
                } else if (kind == 0 || kind == 1) {
                    int size = kind == 0 ? 0 : 1 + random.nextInt(12_000);
                    part = c.readline(size);
                    int at = got.size();
                    for (int i = 0; i < part.length - 1; i++)
                        assertTrue(part[i] != '\n', "a line holds no newline before its end, at " + at);
                    if (part.length > 0 && part[part.length - 1] != '\n')
                        assertTrue(size > 0 && part.length == size || at + part.length == data.length,
                                "a line without its newline is cut by its size or the end, at " + at);
                } else {
                    int n = 1 + random.nextInt(kind == 2 ? 100 : 20_000);
                    part = kind == 2 ? c.recv(n, NO_TIMEOUT) : c.read(n);
                    assertTrue(part.length <= n);
                }
                if (part.length == 0) break;
                got.write(part);
            }
            writer.join();
            assertArrayEquals(data, got.toByteArray());
        }
    }

    @Test
    void useAfterCloseIsAnErrorNotACrash() {
        Socket[] p = pair();
        Socket a = p[0];
        p[1].close();
        a.closeSocket();
        assertTrue(a.isClosed());
        NSPRError e = assertThrows(NSPRError.class, a::closeSocket);
        assertEquals(ErrorConstants.PR_BAD_DESCRIPTOR_ERROR, e.getErrorCode());
        e = assertThrows(NSPRError.class, () -> a.send(b("x"), NO_TIMEOUT));
        assertEquals(ErrorConstants.PR_BAD_DESCRIPTOR_ERROR, e.getErrorCode());
        assertThrows(NSPRError.class, () -> a.getSocketOption(IoConstants.PR_SockOpt_NoDelay));
        assertThrows(NSPRError.class, a::getSockName);
        assertThrows(NSPRError.class, a::toString);
        assertThrows(NSPRError.class, () -> a.shutdown(IoConstants.PR_SHUTDOWN_BOTH));
        assertEquals(ErrorConstants.PR_INVALID_ARGUMENT_ERROR, assertThrows(NSPRError.class, a::fileno).getErrorCode());
        // the reads fail as python-nss's do: ValueError
        IllegalArgumentException v = assertThrows(IllegalArgumentException.class, () -> a.recv(1, NO_TIMEOUT));
        assertEquals("I/O operation on closed socket", v.getMessage());
        assertThrows(IllegalArgumentException.class, () -> a.readline(0));
        assertThrows(IllegalArgumentException.class, a::iter);
        assertThrows(IllegalArgumentException.class, a::getDescType);
        // a closed socket takes part in poll as a null descriptor
        assertArrayEquals(new Object[]{0}, Socket.poll(List.of(List.of(a, IoConstants.PR_POLL_READ)), 0));
        a.close();      // the Java close stays idempotent
    }

    @Test
    void makefileReferencesDelayTheClose() {
        Socket[] p = pair();
        try (Socket c = p[1]) {
            Socket a = p[0];
            assertSame(a, a.makefile("r", -1));
            a.closeSocket();
            assertFalse(a.isClosed());
            a.closeSocket();
            assertTrue(a.isClosed());
        }
    }

    @Test
    void serverAcceptsAndReportsPeers() {
        try (Socket srv = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP);
             Socket cli = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            srv.setSocketOption(IoConstants.PR_SockOpt_Reuseaddr, true, null);
            assertEquals(Boolean.TRUE, srv.getSocketOption(IoConstants.PR_SockOpt_Reuseaddr));
            NetworkAddress bindAddr = new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET);
            srv.bind(bindAddr);
            assertSame(bindAddr, srv.getNetaddr());
            srv.listen(5);
            int port = srv.getSockName().getPort();
            assertTrue(port > 0);
            NSPRError e = assertThrows(NSPRError.class, () -> srv.accept(0));
            assertEquals(ErrorConstants.PR_IO_TIMEOUT_ERROR, e.getErrorCode());

            cli.connect(new NetworkAddress("127.0.0.1", port, IoConstants.PR_AF_INET), NO_TIMEOUT);
            cli.send(b("first"), NO_TIMEOUT);
            Object[] r = srv.acceptRead(5, NO_TIMEOUT);
            try (Socket conn = (Socket) r[0]) {
                assertEquals("first", s((byte[]) r[2]));
                assertEquals(cli.getSockName().getPort(), ((NetworkAddress) r[1]).getPort());
                assertEquals(port, conn.getSockName().getPort());
                assertEquals("127.0.0.1", conn.getPeerName().toString());
            }
        }
    }

    @Test
    void connectRefusedIsAnNsprError() {
        int port;
        try (Socket probe = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            probe.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            port = probe.getSockName().getPort();
        }
        try (Socket cli = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            NSPRError e = assertThrows(NSPRError.class,
                    () -> cli.connect(new NetworkAddress("127.0.0.1", port, IoConstants.PR_AF_INET), (int) Io.secondsToInterval(5)));
            assertTrue(e.getErrorCode() == ErrorConstants.PR_CONNECT_REFUSED_ERROR
                    || e.getErrorCode() == ErrorConstants.PR_CONNECT_RESET_ERROR, e.getMessage());
        }
    }

    @Test
    void familyMismatchIsAValueError() {
        try (Socket s6 = new Socket(IoConstants.PR_AF_INET6, IoConstants.PR_DESC_SOCKET_TCP)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> s6.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET)));
            assertEquals("Socket family (PR_AF_INET6) does not match NetworkAddress family (PR_AF_INET)", e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new Socket(IoConstants.PR_AF_INET, 99));
    }

    @Test
    void udpDatagramsCarryTheSender() {
        try (Socket u1 = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_UDP);
             Socket u2 = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_UDP)) {
            u1.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            u2.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            assertEquals(5, u2.sendTo(b("dgram"), u1.getSockName(), NO_TIMEOUT));
            NetworkAddress from = new NetworkAddress(IoConstants.PR_IpAddrNull, 0, IoConstants.PR_AF_INET);
            assertEquals("dgram", s(u1.recvFrom(100, from, NO_TIMEOUT)));
            assertEquals(u2.getSockName().getPort(), from.getPort());
            assertSame(from, u1.getNetaddr());
        }
    }

    @Test
    void pollReportsReadiness() {
        Socket[] p = pair();
        try (Socket a = p[0]; Socket c = p[1]) {
            Object[] r = Socket.poll(List.of(List.of(a, IoConstants.PR_POLL_READ | IoConstants.PR_POLL_WRITE),
                    List.of(c, IoConstants.PR_POLL_READ)), 0);
            assertArrayEquals(new Object[]{IoConstants.PR_POLL_WRITE, 0}, r);
            a.send(b("x"), NO_TIMEOUT);
            r = Socket.poll(List.of(List.of(c, IoConstants.PR_POLL_READ)), NO_TIMEOUT);
            assertArrayEquals(new Object[]{IoConstants.PR_POLL_READ}, r);
            assertThrows(IllegalArgumentException.class, () -> Socket.poll("x", 0));
            assertThrows(IllegalArgumentException.class, () -> Socket.poll(List.of(List.of(1, 2)), 0));
        }
    }

    @Test
    void socketOptionsRoundTrip() {
        try (Socket s = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            s.setSocketOption(IoConstants.PR_SockOpt_NoDelay, 1, null);
            assertEquals(Boolean.TRUE, s.getSocketOption(IoConstants.PR_SockOpt_NoDelay));
            s.setSocketOption(IoConstants.PR_SockOpt_IpTimeToLive, 33, null);
            assertEquals(33L, s.getSocketOption(IoConstants.PR_SockOpt_IpTimeToLive));
            s.setSocketOption(IoConstants.PR_SockOpt_Linger, true, 0);
            Object[] linger = (Object[]) s.getSocketOption(IoConstants.PR_SockOpt_Linger);
            assertEquals(Boolean.TRUE, linger[0]);
            assertInstanceOf(Long.class, s.getSocketOption(IoConstants.PR_SockOpt_RecvBufferSize));
            assertThrows(IllegalArgumentException.class, () -> s.setSocketOption(99, 1, null));
            assertThrows(org.jnss.core.ArgumentError.class, () -> s.setSocketOption(IoConstants.PR_SockOpt_NoDelay, null, null));
            NSPRError e = assertThrows(NSPRError.class, () -> s.getSocketOption(99));
            assertEquals(ErrorConstants.PR_INVALID_ARGUMENT_ERROR, e.getErrorCode());
        }
    }

    /** Starts a thread that receives up to 10 octets on c without timeout; got gets the result or the exception. */
    private static Thread startReader(Socket c, AtomicReference<Object> got) {
        Thread t = new Thread(() -> {
            try {
                got.set(c.recv(10, NO_TIMEOUT));
            } catch (Throwable e) {
                got.set(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void closeWakesABlockedReader() throws Exception {
        Socket[] p = pair();
        Socket c = p[1];
        try (Socket a = p[0]) {
            AtomicReference<Object> got = new AtomicReference<>();
            Thread t = startReader(c, got);
            while (c.blockingCalls() == 0 && t.isAlive()) Thread.onSpinWait();
            c.close();
            t.join();
            assertInstanceOf(byte[].class, got.get(), String.valueOf(got.get()));
            assertEquals(0, ((byte[]) got.get()).length);
            assertTrue(c.isClosed());
        }
    }

    @Test
    void closeRacingTheStartOfARecvNeverLeavesItBlocked() throws Exception {
        // close at any moment of a reader's start (before its lease, between lease and the
        // native call, inside it): the reader always ends: no data, NSPRError or ValueError
        for (int round = 0; round < 1000; round++) {
            Socket[] p = pair();
            Socket c = p[1];
            try (Socket a = p[0]) {
                AtomicReference<Object> got = new AtomicReference<>();
                Thread t = startReader(c, got);
                for (int spin = round % 50; spin > 0; spin--) Thread.onSpinWait();
                c.close();
                t.join(10_000);
                assertFalse(t.isAlive(), "round " + round + ": recv still blocked after close");
                Object r = got.get();
                assertTrue(r instanceof NSPRError || r instanceof IllegalArgumentException     // closed before recv began (ValueError)
                        || (r instanceof byte[] b && b.length == 0), "round " + round + ": " + r);
            }
        }
    }

    interface LibC extends Library {
        int dup(int fd);
    }

    @Test
    void importTcpSocketAdoptsAnOsDescriptor() {
        LibC libc = Native.load("c", LibC.class);
        try (Socket srv = new Socket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            srv.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            srv.listen(1);
            int fd = libc.dup(srv.fileno());
            assertTrue(fd >= 0);
            try (Socket imp = Socket.importTcpSocket(fd)) {
                assertEquals(fd, imp.fileno());
                assertEquals(IoConstants.PR_AF_INET, imp.getFamily());
                assertEquals(srv.getSockName().getPort(), imp.getSockName().getPort());
            }
        }
        NSPRError e = assertThrows(NSPRError.class, () -> Socket.importTcpSocket(-1));
        assertEquals(ErrorConstants.PR_BAD_DESCRIPTOR_ERROR, e.getErrorCode());
    }
}
