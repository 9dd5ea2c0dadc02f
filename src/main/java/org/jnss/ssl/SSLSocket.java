package org.jnss.ssl;

import org.jnss.core.NativeResource.Lease;
import org.jnss.natives.Layout;
import org.jnss.core.CallbackErrors;
import org.jnss.core.Python;
import org.jnss.error.ErrorConstants;
import org.jnss.error.NSPRError;
import org.jnss.io.IoConstants;
import org.jnss.io.Socket;
import org.jnss.natives.Mem;
import org.jnss.natives.Nspr4;
import org.jnss.natives.Nss3;
import org.jnss.natives.Ssl3;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;
import org.jnss.pk11.Passwords;
import org.jnss.pk11.PrivateKey;
import org.jnss.pki.CertDB;
import org.jnss.pki.Certificate;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An NSPR socket with NSS's SSL/TLS layer on top (SSL_ImportFD), a
 * {@link Socket} in everything else (send, recv, readline, makefile, ...).
 *
 * <p>Certificates are checked by NSS's own SSL_AuthCertificate (chain, trust,
 * validity and the host name given to {@link #setHostname}) unless the script
 * installs its own check with {@link #setAuthCertificateCallback}; nothing here
 * accepts a certificate NSS would refuse.
 *
 * <p>Callbacks: the native hooks are static trampolines (strongly referenced
 * for the life of the process) given the socket's id as their argument; the
 * id finds the socket (weakly held) and its Python callables. An exception in
 * a callback is reported on stderr and counts as a failure.
 */
@Python.Type(doc = "SSLSocket(family=PR_AF_INET, type=PR_DESC_SOCKET_TCP)\n\n"
        + "A new NSPR socket with the SSL/TLS layer: family is PR_AF_INET, PR_AF_INET6 or\n"
        + "PR_AF_LOCAL; type PR_DESC_SOCKET_TCP or PR_DESC_SOCKET_UDP.")
public class SSLSocket extends Socket {

    /** callback(socket, check_sig, is_server, *user_data) -> bool */
    @FunctionalInterface
    public interface AuthCertificateCallback {
        boolean call(SSLSocket socket, boolean checkSig, boolean isServer, Object... userData);
    }

    /** callback(ca_names, *user_data) -> (Certificate, PrivateKey), or False/None to send no certificate */
    @FunctionalInterface
    public interface ClientAuthDataCallback {
        Object call(Object[] caNames, Object... userData);
    }

    /** callback(socket, *user_data) */
    @FunctionalInterface
    public interface HandshakeCallback {
        void call(SSLSocket socket, Object... userData);
    }

    /** sizeof(PRNetAddr) */
    private static final Map<Long, WeakReference<SSLSocket>> SOCKETS = new ConcurrentHashMap<>();
    private static final AtomicLong NEXT_ID = new AtomicLong(1);

    private final long id = NEXT_ID.getAndIncrement();
    private volatile AuthCertificateCallback authCallback;
    private volatile Object[] authUserData;
    private volatile ClientAuthDataCallback clientAuthCallback;
    private volatile Object[] clientAuthUserData;
    private volatile HandshakeCallback handshakeCallback;
    private volatile Object[] handshakeUserData;
    /** user data given to set_pkcs11_pin_arg (null: never set) and its Passwords id */
    private volatile Object[] pinArgs;
    private volatile long pinArgsId;

    // ---- native trampolines ----------------------------------------------------

    private static SSLSocket lookup(long arg) {
        WeakReference<SSLSocket> r = SOCKETS.get(arg);
        return r == null ? null : r.get();
    }

    private static final Ssl3.AuthCertificate AUTH = (arg, fd, checkSig, isServer) -> {
        try {
            SSLSocket s = lookup(arg);
            AuthCertificateCallback cb = s == null ? null : s.authCallback;
            if (cb == null) {
                Nspr4.PR_SetError(ErrorConstants.SSL_ERROR_BAD_CERTIFICATE, 0);
                return -1;
            }
            boolean ok = cb.call(s, checkSig != 0, isServer != 0, s.authUserData);
            if (ok) return 0;
        } catch (Throwable t) {
            CallbackErrors.report("SSLSocket.auth_certificate_func", t);
        }
        // refused, or the callback raised: the handshake fails with the thread's error, as
        // under python-nss (e.g. what a failed verification in the callback left), or
        // SSL_ERROR_BAD_CERTIFICATE when there is none
        if (Nspr4.PR_GetError() == 0) Nspr4.PR_SetError(ErrorConstants.SSL_ERROR_BAD_CERTIFICATE, 0);
        return -1;
    };

    private static final String CLIENT_AUTH_BAD_RESULT = "SSLSocket.client_auth_data_callback: unexpected return value, "
            + "must be False or the tuple (None) or the tuple (cert, priv_key)";

    /** CERTDistNames: arena, nnames (int), names (SECItem *); SECItem: type (int), data, len (uint) */

    private static final Ssl3.GetClientAuthData CLIENT_AUTH = (arg, fd, caNames, pRetCert, pRetKey) -> {
        try {
            SSLSocket s = lookup(arg);
            ClientAuthDataCallback cb = s == null ? null : s.clientAuthCallback;
            if (cb == null) return -1;
            Object[] names = distNames(caNames);
            Object r = cb.call(names, s.clientAuthUserData);
            Object[] pair = r instanceof Object[] a ? a : r instanceof List<?> l ? l.toArray() : null;
            if (Boolean.FALSE.equals(r)) return -1;
            if (pair != null && pair.length == 1 && pair[0] == null) return -1;
            if (pair == null || pair.length != 2 || !(pair[0] instanceof Certificate cert)
                    || !(pair[1] instanceof PrivateKey key)) {
                CallbackErrors.print(CLIENT_AUTH_BAD_RESULT);
                return -1;
            }
            try (Lease c = cert.lease(); Lease k = key.lease()) {
                long dupCert = Nss3.CERT_DupCertificate(c.handle());
                long dupKey = Nss3.SECKEY_CopyPrivateKey(k.handle());
                if (dupCert == 0 || dupKey == 0) {
                    if (dupCert != 0) Nss3.CERT_DestroyCertificate(dupCert);
                    if (dupKey != 0) Nss3.SECKEY_DestroyPrivateKey(dupKey);
                    return -1;
                }
                Mem.setPointer(pRetCert, 0, dupCert);
                Mem.setPointer(pRetKey, 0, dupKey);
                return 0;
            }
        } catch (Throwable t) {
            CallbackErrors.report("SSLSocket.client_auth_data_callback", t);
            return -1;
        }
    };

    private static Object[] distNames(long caNames) {
        if (caNames == 0) return new Object[0];
        int n = Mem.getInt(caNames, Layout.DISTNAMES_NNAMES);
        long items = Mem.getPointer(caNames, Layout.DISTNAMES_NAMES);
        if (n <= 0 || items == 0) return new Object[0];
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            long it = items + (long) i * Layout.ITEM_SIZE;
            int len = Mem.getInt(it, Layout.ITEM_LEN);
            long data = Mem.getPointer(it, Layout.ITEM_DATA);
            out[i] = new SecItem(data == 0 || len <= 0 ? new byte[0] : Mem.read(data, 0, len), 0, SecItem.Kind.DIST_NAME);
        }
        return out;
    }

    private static final Ssl3.HandshakeCallback HANDSHAKE = (fd, arg) -> {
        try {
            SSLSocket s = lookup(arg);
            HandshakeCallback cb = s == null ? null : s.handshakeCallback;
            if (cb != null) cb.call(s, s.handshakeUserData);
        } catch (Throwable t) {
            CallbackErrors.report("SSLSocket.handshake_callback", t);
        }
    };

    // ---- construction ----------------------------------------------------------

    /** Takes ownership of an SSL-layered PRFileDesc. */
    private SSLSocket(long sslFd, int family) {
        super(sslFd, family);
        // sockets the collector closed leave a cleared entry: sweep them now and then
        if ((id & 63) == 0) SOCKETS.values().removeIf(r -> r.get() == null);
        SOCKETS.put(id, new WeakReference<>(this));
        NssRuntime.markSslUsed();
    }

    /** defaults: PR_AF_INET (2), PR_DESC_SOCKET_TCP (2); nss.ssl does not export the nss.io names */
    @Python("SSLSocket(family=, type=2)")
    public SSLSocket(Integer family, int type) {
        this(openSsl(Socket.familyOrDefault(family), type), family == null ? IoConstants.PR_AF_INET : family);
    }

    /** Java: an SSL socket of this family and type. */
    public SSLSocket(int family, int type) {
        this(openSsl(family, type), family);
    }

    private static long openSsl(int family, int type) {
        long fd;
        if (type == IoConstants.PR_DESC_SOCKET_TCP) fd = Nspr4.PR_OpenTCPSocket(family);
        else if (type == IoConstants.PR_DESC_SOCKET_UDP) fd = Nspr4.PR_OpenUDPSocket(family);
        else throw new IllegalArgumentException("type must be PR_DESC_SOCKET_TCP or PR_DESC_SOCKET_UDP");
        if (fd == 0) throw NSPRError.last();
        return importSsl(fd);
    }

    /** SSL_ImportFD over a plain NSPR socket we own; closes it when the import fails. */
    private static long importSsl(long fd) {
        long ssl = Ssl3.SSL_ImportFD(0, fd);
        if (ssl == 0) {
            NSPRError e = NSPRError.last();
            Nspr4.PR_Close(fd);
            throw e;
        }
        return ssl;
    }

    @Override
    public void close() {
        super.close();
        SOCKETS.remove(id);
        long pin = pinArgsId;
        if (pin != 0) Passwords.releasePinArgs(pin);
    }

    /** A connection accepted by this listening socket: SSL as well, with this socket's callbacks. */
    @Override
    protected Socket accepted(long fd, int family) {
        SSLSocket s = new SSLSocket(fd, family);
        try {
            NssRuntime.ensureServerCache();
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        try {
            // NSS copied the hooks with this socket's id; point them at the new socket
            if (authCallback != null) s.setAuthCertificateCallback(authCallback, authUserData);
            if (clientAuthCallback != null) s.setClientAuthDataCallback(clientAuthCallback, clientAuthUserData);
            if (handshakeCallback != null) s.setHandshakeCallback(handshakeCallback, handshakeUserData);
            if (pinArgs != null) s.setPkcs11PinArg(pinArgs);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    @Python(value = "import_tcp_socket(osfd, /)", doc = "import_tcp_socket(osfd) -> SSLSocket\n\n"
            + "An SSLSocket over the operating system's SOCK_STREAM socket descriptor osfd.")
    public static SSLSocket importTcpSocket(int osfd) {
        long fd = Nspr4.PR_ImportTCPSocket(osfd);
        if (fd == 0) throw NSPRError.last();
        long na = Mem.calloc(Layout.NETADDR_SIZE);
        int family;
        try {
            if (Nspr4.PR_GetSockName(fd, na) != 0) {
                NSPRError e = NSPRError.last();
                Nspr4.PR_Close(fd);
                throw e;
            }
            family = Mem.getShort(na, 0) & 0xFFFF;
        } finally {
            Mem.free(na);
        }
        return new SSLSocket(importSsl(fd), family);
    }

    // ---- helpers -------------------------------------------------------------------

    private static Object[] userData(Object[] ud) {
        return ud == null ? new Object[0] : ud;
    }

    // ---- host name, callbacks, pin argument ----------------------------------------

    @Python(value = "set_hostname(url, /)", doc = "set_hostname(url)\n\n"
            + "The host name the server's certificate must match (SSL_SetURL); also sent as SNI.")
    public void setHostname(String url) {
        check(fd -> Ssl3.SSL_SetURL(fd, url));
    }

    @Python(value = "get_hostname()", doc = "get_hostname() -> string\n\nThe host name given to set_hostname().")
    public String getHostname() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long p = Ssl3.SSL_RevealURL(fd);
            if (p == 0) throw NSPRError.last();
            return new String(org.jnss.asn1.Scratch.takePortString(p), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Python(value = "set_auth_certificate_callback(callback, /, *user_data)",
            doc = "set_auth_certificate_callback(callback, [user_data1, ...])\n\n"
                    + "Replaces NSS's certificate check with callback(socket, check_sig, is_server,\n"
                    + "*user_data), which returns True to accept the peer's certificate. The callback\n"
                    + "takes over the whole check, host name included (see Certificate.verify_now()\n"
                    + "and Certificate.verify_hostname()).")
    public void setAuthCertificateCallback(AuthCertificateCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            authCallback = callback;
            authUserData = userData(userData);
            if (Ssl3.SSL_AuthCertificateHook(fd, AUTH, id) != 0) throw NSPRError.last();
        }
    }

    @Python(value = "set_client_auth_data_callback(callback, /, *user_data)",
            doc = "set_client_auth_data_callback(callback, [user_data1, ...])\n\n"
                    + "callback(ca_names, *user_data) -> (Certificate, PrivateKey) is asked for the client\n"
                    + "certificate when a server requests one; ca_names is a tuple of SecItems (the\n"
                    + "distinguished names of the CAs the server accepts). Return False to send none.")
    public void setClientAuthDataCallback(ClientAuthDataCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            clientAuthCallback = callback;
            clientAuthUserData = userData(userData);
            if (Ssl3.SSL_GetClientAuthDataHook(fd, CLIENT_AUTH, id) != 0) throw NSPRError.last();
        }
    }

    @Python(value = "set_handshake_callback(callback, /, *user_data)",
            doc = "set_handshake_callback(callback, [user_data1, ...])\n\n"
                    + "callback(socket, *user_data) is called when a handshake completes.")
    public void setHandshakeCallback(HandshakeCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            handshakeCallback = callback;
            handshakeUserData = userData(userData);
            if (Ssl3.SSL_HandshakeCallback(fd, HANDSHAKE, id) != 0) throw NSPRError.last();
        }
    }

    @Python(value = "set_pkcs11_pin_arg(*user_data)", doc = "set_pkcs11_pin_arg([user_dataN, ...])\n\n"
            + "User data passed to the password callback when NSS needs a PIN for this socket.")
    public void setPkcs11PinArg(Object... userData) {
        Object[] ud = userData(userData);
        long newId = Passwords.pinArgs(ud);
        try (Lease l = lease()) {
            long fd = l.handle();
            if (Ssl3.SSL_SetPKCS11PinArg(fd, newId) != 0) {
                NSPRError e = NSPRError.last();
                Passwords.releasePinArgs(newId);
                throw e;
            }
            long old = pinArgsId;
            pinArgs = ud;
            pinArgsId = newId;
            if (old != 0) Passwords.releasePinArgs(old);
        }
    }

    @Python(value = "get_pkcs11_pin_arg()", doc = "get_pkcs11_pin_arg() -> tuple or None\n\n"
            + "The user data given to set_pkcs11_pin_arg(), or None.")
    public Object[] getPkcs11PinArg() {
        Object[] ud = pinArgs;
        return ud == null ? null : ud.clone();
    }

    @Python(value = "set_certificate_db(certdb, /)", doc = "set_certificate_db(certdb)\n\n"
            + "The certificate database this socket uses.")
    public void setCertificateDb(CertDB certdb) {
        long db = certdb.handle();
        check(fd -> Ssl3.SSL_CertDBHandleSet(fd, db));
    }

    @Python(value = "set_sock_peer_id(id, /)", doc = "set_sock_peer_id(id)\n\n"
            + "Names the peer in the client session cache (e.g. 'host:port' behind a proxy).")
    public void setSockPeerId(String peerId) {
        check(fd -> Ssl3.SSL_SetSockPeerID(fd, peerId));
    }

    // ---- options, versions, ciphers -------------------------------------------------

    @Python(value = "set_ssl_option(option, value, /)", doc = "set_ssl_option(option, value)\n\n"
            + "Sets an SSL_* option of this socket (see ssl.set_ssl_default_option()).")
    public void setSslOption(int option, int value) {
        check(fd -> Ssl3.SSL_OptionSet(fd, option, value));
    }

    @Python(value = "get_ssl_option(option, /)", doc = "get_ssl_option(option) -> value\n\n"
            + "The value of an SSL_* option of this socket.")
    public int getSslOption(int option) {
        int[] v = new int[1];
        check(fd -> Ssl3.SSL_OptionGet(fd, option, v));
        return v[0];
    }

    @Python(value = "get_ssl_version_range(repr_kind=5)",
            doc = "get_ssl_version_range(repr_kind=AsEnum) -> (min_version, max_version)\n\n"
                    + "The protocol versions this socket enables.")
    public Object[] getSslVersionRange(int reprKind) {
        return with(fd -> Ssl.getRange(r -> Ssl3.SSL_VersionRangeGet(fd, r), reprKind));
    }

    @Python(value = "set_ssl_version_range(min_version, max_version, /)",
            doc = "set_ssl_version_range(min_version, max_version)\n\n"
                    + "The protocol versions this socket enables; each an SSL_LIBRARY_VERSION_* value or its name.")
    public void setSslVersionRange(Object min, Object max) {
        try (Lease l = lease()) {
            long fd = l.handle();
            Ssl.setRange(min, max, r -> Ssl3.SSL_VersionRangeSet(fd, r));
        }
    }

    @Python(value = "get_cipher_pref(cipher, /)", doc = "get_cipher_pref(cipher) -> enabled\n\n"
            + "Whether the cipher suite is enabled on this socket.")
    public boolean getCipherPref(int cipher) {
        int[] v = new int[1];
        check(fd -> Ssl3.SSL_CipherPrefGet(fd, cipher, v));
        return v[0] != 0;
    }

    @Python(value = "set_cipher_pref(cipher, enabled, /)", doc = "set_cipher_pref(cipher, enabled)\n\n"
            + "Enables or disables a cipher suite on this socket.")
    public void setCipherPref(int cipher, @Python.IntFlag boolean enabled) {
        check(fd -> Ssl3.SSL_CipherPrefSet(fd, cipher, enabled ? 1 : 0));
    }

    // ---- server ----------------------------------------------------------------------

    @Python(value = "config_secure_server(cert, key, kea, /)", doc = "config_secure_server(cert, key, kea)\n\n"
            + "The certificate and private key this (listening) socket serves, for the key\n"
            + "exchange type kea (Certificate.find_kea_type()).")
    public void configSecureServer(Certificate cert, PrivateKey key, int kea) {
        try (Lease c = cert.lease(); Lease k = key.lease()) {
            check(fd -> Ssl3.SSL_ConfigSecureServer(fd, c.handle(), k.handle(), kea));
        }
    }

    // ---- handshakes --------------------------------------------------------------------

    @Python(value = "force_handshake()", doc = "force_handshake()\n\n"
            + "Drives the pending handshake to completion now (else the first read or write does).")
    public void forceHandshake() {
        check(Ssl3::SSL_ForceHandshake);
    }

    @Python(value = "force_handshake_timeout(timeout, /)", doc = "force_handshake_timeout(timeout)\n\n"
            + "force_handshake() waiting at most timeout (an NSPR interval).")
    public void forceHandshakeTimeout(int timeout) {
        check(fd -> Ssl3.SSL_ForceHandshakeWithTimeout(fd, timeout));
    }

    @Python(value = "rehandshake(flush_cache, /)", doc = "rehandshake(flush_cache)\n\n"
            + "Starts a new handshake on an established connection (a full one if flush_cache).")
    public void rehandshake(@Python.IntFlag boolean flushCache) {
        check(fd -> Ssl3.SSL_ReHandshake(fd, flushCache ? 1 : 0));
    }

    @Python(value = "rehandshake_timeout(flush_cache, timeout, /)", doc = "rehandshake_timeout(flush_cache, timeout)\n\n"
            + "rehandshake() waiting at most timeout (an NSPR interval).")
    public void rehandshakeTimeout(@Python.IntFlag boolean flushCache, int timeout) {
        check(fd -> Ssl3.SSL_ReHandshakeWithTimeout(fd, flushCache ? 1 : 0, timeout));
    }

    @Python(value = "reset_handshake(as_server, /)", doc = "reset_handshake(as_server)\n\n"
            + "The next I/O starts a handshake from scratch, as a server if as_server else as a client.")
    public void resetHandshake(@Python.IntFlag boolean asServer) {
        if (asServer) NssRuntime.ensureServerCache();
        check(fd -> Ssl3.SSL_ResetHandshake(fd, asServer ? 1 : 0));
    }

    @Python(value = "invalidate_session()", doc = "invalidate_session()\n\n"
            + "No new connection may resume this connection's session.")
    public void invalidateSession() {
        check(Ssl3::SSL_InvalidateSession);
    }

    @Python(value = "data_pending()", doc = "data_pending() -> int\n\n"
            + "Decrypted bytes buffered by SSL, ready to be read.")
    public int dataPending() {
        return with(fd -> Ssl3.SSL_DataPending(fd));
    }

    // ---- connection state ------------------------------------------------------------

    @Python(value = "get_peer_certificate()", doc = "get_peer_certificate() -> Certificate or None\n\n"
            + "The certificate the peer presented.")
    public Certificate getPeerCertificate() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long c = Ssl3.SSL_PeerCertificate(fd);
            return c == 0 ? null : Certificate.adopt(c);
        }
    }

    @Python(value = "get_certificate()", doc = "get_certificate() -> Certificate or None\n\n"
            + "The peer's certificate as SSL_RevealCert reports it (python-nss's choice).")
    public Certificate getCertificate() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long c = Ssl3.SSL_RevealCert(fd);
            return c == 0 ? null : Certificate.adopt(c);
        }
    }

    @Python(value = "get_ssl_channel_info()", doc = "get_ssl_channel_info() -> SSLChannelInfo\n\n"
            + "The protocol version, cipher suite, key sizes and session of the connection.")
    public SSLChannelInfo getSslChannelInfo() {
        long p = Mem.calloc(SSLChannelInfo.SIZE);
        try {
            check(fd -> Ssl3.SSL_GetChannelInfo(fd, p, SSLChannelInfo.SIZE));
            return new SSLChannelInfo(p);
        } finally {
            Mem.free(p);
        }
    }

    @Python(value = "get_session_id()", doc = "get_session_id() -> SecItem\n\nThe SSL session id.")
    public SecItem getSessionId() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long item = Ssl3.SSL_GetSessionID(fd);
            if (item == 0) throw NSPRError.last();
            try {
                int len = Mem.getInt(item, Layout.ITEM_LEN);
                long data = Mem.getPointer(item, Layout.ITEM_DATA);
                return new SecItem(data == 0 || len <= 0 ? new byte[0] : Mem.read(data, 0, len));
            } finally {
                Nss3.SECITEM_FreeItem(item, 1);
            }
        }
    }

    @Python(value = "get_negotiated_host()", doc = "get_negotiated_host() -> string or None\n\n"
            + "The host name the client asked for (SNI), or None.")
    public String getNegotiatedHost() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long item = Ssl3.SSL_GetNegotiatedHostInfo(fd);
            if (item == 0) return null;
            try {
                int len = Mem.getInt(item, Layout.ITEM_LEN);
                long data = Mem.getPointer(item, Layout.ITEM_DATA);
                return new String(Mem.read(data, 0, Math.max(0, len)), java.nio.charset.StandardCharsets.ISO_8859_1);
            } finally {
                Nss3.SECITEM_FreeItem(item, 1);
            }
        }
    }

    @Python(value = "get_security_status()",
            doc = "get_security_status() -> on, cipher, key_size, secret_key_size, issuer, subject\n\n"
                    + "on is SSL_SECURITY_STATUS_OFF, _ON_HIGH or _ON_LOW; cipher the cipher's name; the\n"
                    + "key sizes in bits; issuer and subject the peer certificate's names (None without one).")
    public Object[] getSecurityStatus() {
        long buf = Mem.calloc(48);
        long on = buf, cipher = buf + 8, keySize = buf + 16, secret = buf + 24, issuer = buf + 32, subject = buf + 40;
        try (Lease l = lease()) {
            long fd = l.handle();
            if (Ssl3.SSL_SecurityStatus(fd, on, cipher, keySize, secret, issuer, subject) != 0) throw NSPRError.last();
            return new Object[]{Mem.getInt(on, 0), takeString(Mem.getPointer(cipher, 0)), Mem.getInt(keySize, 0),
                    Mem.getInt(secret, 0), takeString(Mem.getPointer(issuer, 0)), takeString(Mem.getPointer(subject, 0))};
        } finally {
            Mem.free(buf);
        }
    }

    private static String takeString(long p) {
        if (p == 0) return null;
        try {
            return Mem.cString(p);
        } finally {
            Nss3.PORT_Free(p);
        }
    }

    @Python(value = "connection_info_format_lines(level=0)", doc = "connection_info_format_lines(level=0) -> "
            + "[(level, string),...]\n\nThe protocol, cipher, MAC, authentication, key exchange and compression in use.")
    public List<Object[]> connectionInfoFormatLines(int level) {
        SSLChannelInfo ch = getSslChannelInfo();
        SSLCipherSuiteInfo s = SSLCipherSuiteInfo.of(ch.getCipherSuite());
        List<Object[]> l = new ArrayList<>();
        l.add(new Object[]{level, "SSL Protocol Version:", ch.versionText()});
        l.add(new Object[]{level, "Cipher:", s.getSymmetricKeyBits() + "-bit " + s.getSymmetricCipherName()});
        l.add(new Object[]{level, "MAC:", s.getMacBits() + "-bit " + s.getMacAlgorithmName()});
        l.add(new Object[]{level, "Auth:", ch.getAuthKeyBits() + "-bit " + s.getAuthAlgorithmName()});
        l.add(new Object[]{level, "Key Exchange:", ch.getKeaKeyBits() + "-bit " + s.getKeaTypeName()});
        l.add(new Object[]{level, "Compression:", ch.getCompressionMethodName()});
        return l;
    }

    @Python(value = "connection_info_format(level=0, indent_len=4)", doc = "connection_info_format(level=0, "
            + "indent_len=4) -> string\n\nconnection_info_format_lines() as indented text.")
    public byte[] connectionInfoFormat(int level, int indentLen) {
        return org.jnss.asn1.BStr.bytes(org.jnss.asn1.Lines.indentedText(connectionInfoFormatLines(level), indentLen));
    }

    @Python(value = "connection_info_str()", doc = "connection_info_str() -> str\n\nconnection_info_format() at level 0.")
    public byte[] connectionInfoStr() {
        return connectionInfoFormat(0, 4);
    }
}
