package org.jnss.ssl;

import org.jnss.asn1.BStr;
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
 * {@link Socket} in everything else (send, recv, readline, makefile, ...);
 * Python's {@code nss.ssl.SSLSocket}. Made by its constructors, by
 * {@link #importTcpSocket}, or by {@code accept()} on a listening SSLSocket.
 * NSS must be initialised before the handshake. Lifetime as for {@link Socket}: {@link #close()}
 * (or Python's {@code close()}) closes it, and a dropped socket is closed
 * once the garbage collector finds it unreachable.
 *
 * <p>The handshake happens at the first send or receive, or when
 * {@link #forceHandshake()} is called; configure the socket (host name,
 * callbacks, options, server certificate) before that. A client sets
 * {@code SSL_HANDSHAKE_AS_CLIENT}, a server {@code SSL_HANDSHAKE_AS_SERVER}
 * and {@link #configSecureServer}.
 *
 * <p>Certificates are checked by NSS's own SSL_AuthCertificate (chain, trust,
 * validity and the host name given to {@link #setHostname}) unless the script
 * installs its own check with {@link #setAuthCertificateCallback}; nothing here
 * accepts a certificate NSS would refuse.
 *
 * <p>Callbacks: the native hooks are static trampolines (strongly referenced
 * for the life of the process) given the socket's id as their argument; the
 * id finds the socket (weakly held) and its Python callables. A callback runs
 * on the thread whose call drives the handshake. An exception in a callback is
 * reported on stderr and counts as a failure.
 */
public class SSLSocket extends Socket {

    /**
     * A check of the peer's certificate, installed with
     * {@link #setAuthCertificateCallback}; in Python any callable
     * {@code callback(socket, check_sig, is_server, *user_data)}.
     */
    @FunctionalInterface
    public interface AuthCertificateCallback {
        /**
         * Decides whether the peer's certificate is accepted. NSS calls it during
         * the handshake, once the peer's certificate has arrived.
         *
         * @param socket   the socket being handshaken ({@link #getPeerCertificate()} gives the certificate)
         * @param checkSig whether the certificate's signature should be checked
         * @param isServer true if this socket is the server (the peer is a client)
         * @param userData the user data given with the callback
         * @return true to accept the certificate; false refuses it (the handshake
         *         fails with the error the callback set, else SSL_ERROR_BAD_CERTIFICATE)
         */
        boolean call(SSLSocket socket, boolean checkSig, boolean isServer, Object... userData);
    }

    /**
     * The provider of a client certificate, installed with
     * {@link #setClientAuthDataCallback}; in Python any callable
     * {@code callback(ca_names, *user_data)}.
     */
    @FunctionalInterface
    public interface ClientAuthDataCallback {
        /**
         * Chooses the certificate and key this client presents when the server
         * asks for one.
         *
         * @param caNames  the distinguished names of the CAs the server accepts,
         *                 as SecItems (a tuple in Python); may be empty
         * @param userData the user data given with the callback
         * @return a two-item array or list (a tuple in Python) of a
         *         {@link Certificate} and its {@link PrivateKey}; or
         *         {@code Boolean.FALSE} (False), or a one-item array holding null
         *         ({@code (None,)}), to send no certificate. Anything else is
         *         reported on stderr and sends none.
         */
        Object call(Object[] caNames, Object... userData);
    }

    /**
     * A listener for completed handshakes, installed with
     * {@link #setHandshakeCallback}; in Python any callable
     * {@code callback(socket, *user_data)}.
     */
    @FunctionalInterface
    public interface HandshakeCallback {
        /**
         * Called when a handshake on the socket has completed. Its result and
         * exceptions do not affect the connection (exceptions are reported on stderr).
         *
         * @param socket   the socket whose handshake completed
         * @param userData the user data given with the callback
         */
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

    /**
     * Opens a new, unconnected SSL socket: an NSPR socket with the SSL layer
     * imported over it, with NSS's default options; Python's {@code SSLSocket(...)}
     * constructor. (The Python signature writes the TCP type as 2, its value:
     * nss.ssl does not export the nss.io constants.)
     *
     * @param family {@code PR_AF_INET}, {@code PR_AF_INET6} or {@code PR_AF_LOCAL};
     *               when omitted (null), {@code PR_AF_INET} with a DeprecationWarning
     * @param type   {@code PR_DESC_SOCKET_TCP} (2, the default) or {@code PR_DESC_SOCKET_UDP}
     * @throws IllegalArgumentException (ValueError) for another type
     * @throws NSPRError if NSPR cannot open the socket or NSS cannot add the SSL layer
     */
    @Python("SSLSocket(family=, type=2)")
    public SSLSocket(Object family, int type) {
        this(openSsl(Socket.familyOrDefault(family), type), Socket.familyOrDefault(family, false));
    }

    /**
     * Opens a new, unconnected SSL socket of this family and type (Java's form
     * of the constructor, without the deprecated default family).
     *
     * @param family {@code PR_AF_INET}, {@code PR_AF_INET6} or {@code PR_AF_LOCAL}
     * @param type   {@code PR_DESC_SOCKET_TCP} or {@code PR_DESC_SOCKET_UDP}
     * @throws IllegalArgumentException for another type
     * @throws NSPRError if NSPR cannot open the socket or NSS cannot add the SSL layer
     */
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

    /**
     * Closes the socket now, as {@link Socket#close()} does, and forgets its
     * callbacks and PIN argument.
     */
    @Override
    public void close() {
        super.close();
        SOCKETS.remove(id);
        long pin = pinArgsId;
        if (pin != 0) Passwords.releasePinArgs(pin);
    }

    /**
     * Makes the socket for a connection accepted by this listening socket: an
     * SSLSocket as well, with this socket's callbacks and PIN argument; a server
     * session cache is configured first if the program has not configured one.
     *
     * @param fd     the accepted PRFileDesc (NSS's SSL layer included), owned by the result
     * @param family this socket's address family
     * @return the new SSLSocket
     */
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

    /**
     * Wraps an operating system TCP (SOCK_STREAM) socket descriptor in an
     * SSLSocket (PR_ImportTCPSocket, then SSL_ImportFD); the SSLSocket then
     * owns it and closes it. A static method
     * ({@code SSLSocket.import_tcp_socket(osfd)} in Python).
     *
     * @param osfd the descriptor, e.g. from Python's {@code socket.fileno()}
     * @return the new SSLSocket, its family read from the descriptor's local address
     * @throws NSPRError if NSPR cannot import the descriptor or NSS cannot add
     *         the SSL layer (the descriptor is then closed)
     */
    @Python("import_tcp_socket(osfd, /)")
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

    /**
     * Sets the host name a client expects to reach (SSL_SetURL): NSS's
     * certificate check requires the server's certificate to match it, and it
     * is sent to the server as the server name indication (SNI). Call before
     * the handshake.
     *
     * @param url the server's host name (not a URL, despite the name)
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_hostname(url, /)")
    public void setHostname(String url) {
        byte[] cUrl = Mem.utf8z(url);
        check(fd -> Ssl3.SSL_SetURL(fd, cUrl));
    }

    /**
     * The host name given to {@link #setHostname} (SSL_RevealURL).
     *
     * @return the host name (str)
     * @throws NSPRError if none was set (with the thread's last error, as python-nss reports it)
     */
    @Python("get_hostname()")
    public String getHostname() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long p = Ssl3.SSL_RevealURL(fd);
            if (p == 0) throw NSPRError.last();
            return new String(org.jnss.asn1.Scratch.takePortString(p), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * Replaces NSS's check of the peer's certificate (SSL_AuthCertificateHook)
     * with a callback {@code callback(socket, check_sig, is_server, *user_data)}
     * that returns True to accept the certificate. The callback takes over the
     * whole check, host name included: a callback that accepts without checking
     * makes the connection trust anyone (see {@code Certificate.verify_now()}
     * and {@code Certificate.verify_hostname()}). A callback that raises refuses
     * the certificate. Sockets accepted by this one inherit the callback.
     *
     * @param callback the check (see {@link AuthCertificateCallback})
     * @param userData extra arguments passed to each call, after the fixed ones
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_auth_certificate_callback(callback, /, *user_data)")
    public void setAuthCertificateCallback(AuthCertificateCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            authCallback = callback;
            authUserData = userData(userData);
            if (Ssl3.SSL_AuthCertificateHook(fd, AUTH, id) != 0) throw NSPRError.last();
        }
    }

    /**
     * Installs the provider of this client's certificate
     * (SSL_GetClientAuthDataHook): when a server asks for a client certificate,
     * {@code callback(ca_names, *user_data)} is called with the distinguished
     * names of the CAs the server accepts (a tuple of SecItems) and returns
     * {@code (certificate, private_key)}, or False to send none. Without a
     * callback no client certificate is sent.
     *
     * @param callback the provider (see {@link ClientAuthDataCallback})
     * @param userData extra arguments passed to each call, after ca_names
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_client_auth_data_callback(callback, /, *user_data)")
    public void setClientAuthDataCallback(ClientAuthDataCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            clientAuthCallback = callback;
            clientAuthUserData = userData(userData);
            if (Ssl3.SSL_GetClientAuthDataHook(fd, CLIENT_AUTH, id) != 0) throw NSPRError.last();
        }
    }

    /**
     * Installs a callback {@code callback(socket, *user_data)} called each time
     * a handshake on this socket completes (SSL_HandshakeCallback), e.g. to
     * read {@link #getSslChannelInfo()}.
     *
     * @param callback the listener (see {@link HandshakeCallback})
     * @param userData extra arguments passed to each call, after the socket
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_handshake_callback(callback, /, *user_data)")
    public void setHandshakeCallback(HandshakeCallback callback, Object... userData) {
        try (Lease l = lease()) {
            long fd = l.handle();
            handshakeCallback = callback;
            handshakeUserData = userData(userData);
            if (Ssl3.SSL_HandshakeCallback(fd, HANDSHAKE, id) != 0) throw NSPRError.last();
        }
    }

    /**
     * Sets the user data NSS hands to the password callback
     * ({@code nss.set_password_callback}) when it needs a token's PIN for this
     * socket, e.g. to use a server's or client's private key
     * (SSL_SetPKCS11PinArg). Replaces what an earlier call set.
     *
     * @param userData the values passed to the password callback after its fixed arguments
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_pkcs11_pin_arg(*user_data)")
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

    /**
     * The user data given to {@link #setPkcs11PinArg}.
     *
     * @return a copy of it (a tuple in Python), or null (None) if it was never set
     */
    @Python("get_pkcs11_pin_arg()")
    public Object[] getPkcs11PinArg() {
        Object[] ud = pinArgs;
        return ud == null ? null : ud.clone();
    }

    /**
     * Sets the certificate database this socket uses to check certificates
     * (SSL_CertDBHandleSet); by default NSS's default database.
     *
     * @param certdb the database, e.g. {@code nss.get_default_certdb()}
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_certificate_db(certdb, /)")
    public void setCertificateDb(CertDB certdb) {
        long db = certdb.handle();
        check(fd -> Ssl3.SSL_CertDBHandleSet(fd, db));
    }

    /**
     * Names the peer for the client session cache (SSL_SetSockPeerID), so that
     * sessions are resumed only with the same name: useful when the address
     * alone does not tell servers apart (e.g. {@code 'host:port'} behind a proxy).
     * Call before the handshake.
     *
     * @param peerId the peer's name in the cache
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("set_sock_peer_id(id, /)")
    public void setSockPeerId(String peerId) {
        byte[] cId = Mem.utf8z(peerId);
        check(fd -> Ssl3.SSL_SetSockPeerID(fd, cId));
    }

    // ---- options, versions, ciphers -------------------------------------------------

    /**
     * Sets an SSL option of this socket (SSL_OptionSet), overriding the process
     * default ({@link Ssl#setSslDefaultOption}), e.g.
     * {@code set_ssl_option(SSL_HANDSHAKE_AS_CLIENT, True)}.
     *
     * @param option an option constant, e.g. {@code SSL_SECURITY}, {@code SSL_HANDSHAKE_AS_SERVER},
     *               {@code SSL_REQUEST_CERTIFICATE}
     * @param value  the value (usually 0 or 1, or one of the option's constants)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown option or a value it refuses
     */
    @Python("set_ssl_option(option, value, /)")
    public void setSslOption(int option, int value) {
        check(fd -> Ssl3.SSL_OptionSet(fd, option, value));
    }

    /**
     * The value of an SSL option of this socket (SSL_OptionGet).
     *
     * @param option an option constant
     * @return the option's value (usually 0 or 1)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS for an unknown option
     */
    @Python("get_ssl_option(option, /)")
    public int getSslOption(int option) {
        return with(fd -> Ssl.out(v -> Ssl3.SSL_OptionGet(fd, option, v)));
    }

    /**
     * The range of protocol versions this socket enables (SSL_VersionRangeGet).
     *
     * @param reprKind how each version is given: {@code nss.AsEnum} (5, the default)
     *                 for the value, {@code nss.AsEnumName} for the constant's name,
     *                 {@code nss.AsString} for the short name ({@code "tls1.2"})
     * @return a two-item array (a tuple in Python): the lowest and the highest version
     * @throws IllegalArgumentException (ValueError) for another repr_kind
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("get_ssl_version_range(repr_kind=5)")
    public Object[] getSslVersionRange(int reprKind) {
        return with(fd -> Ssl.getRange(r -> Ssl3.SSL_VersionRangeGet(fd, r), reprKind));
    }

    /**
     * Sets the range of protocol versions this socket enables
     * (SSL_VersionRangeSet), overriding the process default.
     *
     * @param min the lowest version: an {@code SSL_LIBRARY_VERSION_*} value (Integer)
     *            or a name (String, e.g. {@code "tls1.2"})
     * @param max the highest version, given the same way
     * @throws org.jnss.core.ArgumentError (TypeError) if a version is neither an int nor a string
     * @throws org.jnss.core.NotFoundError (KeyError) for an unknown version name
     * @throws NSPRError SSL_ERROR_INVALID_VERSION_RANGE if the range is empty or
     *         outside what NSS supports
     */
    @Python("set_ssl_version_range(min_version, max_version, /)")
    public void setSslVersionRange(Object min, Object max) {
        try (Lease l = lease()) {
            long fd = l.handle();
            Ssl.setRange(min, max, r -> Ssl3.SSL_VersionRangeSet(fd, r));
        }
    }

    /**
     * Tells whether a cipher suite is enabled on this socket (SSL_CipherPrefGet).
     *
     * @param cipher a cipher suite value
     * @return true if enabled
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("get_cipher_pref(cipher, /)")
    public boolean getCipherPref(int cipher) {
        return with(fd -> Ssl.out(v -> Ssl3.SSL_CipherPrefGet(fd, cipher, v))) != 0;
    }

    /**
     * Enables or disables a cipher suite on this socket (SSL_CipherPrefSet),
     * overriding the process default.
     *
     * @param cipher  a cipher suite value
     * @param enabled true to enable (an int or bool in Python)
     * @throws NSPRError SSL_ERROR_UNKNOWN_CIPHER_SUITE for a suite NSS does not know
     */
    @Python("set_cipher_pref(cipher, enabled, /)")
    public void setCipherPref(int cipher, @Python.IntFlag boolean enabled) {
        check(fd -> Ssl3.SSL_CipherPrefSet(fd, cipher, enabled ? 1 : 0));
    }

    // ---- server ----------------------------------------------------------------------

    /**
     * Gives a server socket the certificate and private key it presents to
     * clients (SSL_ConfigSecureServer); usually called on the listening socket,
     * whose accepted sockets inherit it.
     *
     * @param cert the server's certificate
     * @param key  its private key, e.g. from {@code nss.find_key_by_any_cert(cert)}
     * @param kea  the key exchange type, from {@code cert.find_kea_type()}
     * @throws NSPRError if NSS refuses the certificate or key
     */
    @Python("config_secure_server(cert, key, kea, /)")
    public void configSecureServer(Certificate cert, PrivateKey key, int kea) {
        try (Lease c = cert.lease(); Lease k = key.lease()) {
            check(fd -> Ssl3.SSL_ConfigSecureServer(fd, c.handle(), k.handle(), kea));
        }
    }

    // ---- handshakes --------------------------------------------------------------------

    /**
     * Runs the pending handshake to completion now (SSL_ForceHandshake), else
     * the first send or receive does it; blocks until it is done. Does nothing
     * when no handshake is pending.
     *
     * @throws NSPRError the handshake's failure: SSL_ERROR_* codes (e.g.
     *         SSL_ERROR_BAD_CERT_DOMAIN, SSL_ERROR_NO_CYPHER_OVERLAP),
     *         SEC_ERROR_* codes of the certificate check (e.g. SEC_ERROR_UNKNOWN_ISSUER),
     *         PR_END_OF_FILE_ERROR if the peer closed the connection
     */
    @Python("force_handshake()")
    public void forceHandshake() {
        check(Ssl3::SSL_ForceHandshake);
    }

    /**
     * Runs the pending handshake as {@link #forceHandshake()} does, waiting at
     * most the timeout (SSL_ForceHandshakeWithTimeout).
     *
     * @param timeout the most to wait, in interval ticks (not seconds; see
     *                {@code io.seconds_to_interval})
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first, or the handshake's failure
     */
    @Python("force_handshake_timeout(timeout, /)")
    public void forceHandshakeTimeout(@Python.Unsigned('I') int timeout) {
        check(fd -> Ssl3.SSL_ForceHandshakeWithTimeout(fd, timeout));
    }

    /**
     * Starts a new handshake on an established connection (SSL_ReHandshake);
     * it runs at the next send or receive, or {@link #forceHandshake()}.
     *
     * @param flushCache true for a full handshake (the cached session is
     *                   dropped), false to let it resume the session (an int or bool in Python)
     * @throws NSPRError SSL_ERROR_HANDSHAKE_NOT_COMPLETED if no handshake completed yet,
     *         or NSS's refusal (e.g. when renegotiation is disabled)
     */
    @Python("rehandshake(flush_cache, /)")
    public void rehandshake(@Python.IntFlag boolean flushCache) {
        check(fd -> Ssl3.SSL_ReHandshake(fd, flushCache ? 1 : 0));
    }

    /**
     * Starts a new handshake as {@link #rehandshake} does
     * (SSL_ReHandshakeWithTimeout), with a time limit.
     *
     * @param flushCache true for a full handshake, false to let it resume the session
     * @param timeout    the most to wait, in interval ticks
     * @throws NSPRError PR_IO_TIMEOUT_ERROR when the timeout expires first,
     *         SSL_ERROR_HANDSHAKE_NOT_COMPLETED if no handshake completed yet
     */
    @Python("rehandshake_timeout(flush_cache, timeout, /)")
    public void rehandshakeTimeout(@Python.IntFlag boolean flushCache, @Python.Unsigned('I') int timeout) {
        check(fd -> Ssl3.SSL_ReHandshakeWithTimeout(fd, flushCache ? 1 : 0, timeout));
    }

    /**
     * Makes the next send or receive start a handshake from scratch
     * (SSL_ResetHandshake), as a server or a client; e.g. for a socket that
     * began as plain text (STARTTLS). As a server, a session cache is configured
     * first if the program has not configured one.
     *
     * @param asServer true to handshake as the server, false as the client (an int or bool in Python)
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("reset_handshake(as_server, /)")
    public void resetHandshake(@Python.IntFlag boolean asServer) {
        if (asServer) NssRuntime.ensureServerCache();
        check(fd -> Ssl3.SSL_ResetHandshake(fd, asServer ? 1 : 0));
    }

    /**
     * Removes this connection's session from the session cache
     * (SSL_InvalidateSession): later connections cannot resume it.
     *
     * @throws NSPRError SSL_ERROR_HANDSHAKE_NOT_COMPLETED if no handshake completed yet
     */
    @Python("invalidate_session()")
    public void invalidateSession() {
        check(Ssl3::SSL_InvalidateSession);
    }

    /**
     * How many decrypted bytes the SSL layer holds, ready to be received
     * without waiting (SSL_DataPending). Data read ahead by readline() and the
     * like is not counted.
     *
     * @return the number of bytes; 0 before the handshake
     */
    @Python("data_pending()")
    public int dataPending() {
        return with(fd -> Ssl3.SSL_DataPending(fd));
    }

    // ---- connection state ------------------------------------------------------------

    /**
     * The certificate the peer presented in the handshake (SSL_PeerCertificate).
     *
     * @return the certificate, or null (None in Python) before the handshake or
     *         when the peer presented none
     */
    @Python("get_peer_certificate()")
    public Certificate getPeerCertificate() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long c = Ssl3.SSL_PeerCertificate(fd);
            return c == 0 ? null : Certificate.adopt(c);
        }
    }

    /**
     * The peer's certificate as SSL_RevealCert reports it, which python-nss
     * calls here (despite the name, not this socket's own certificate).
     *
     * @return the certificate, or null (None in Python) if there is none
     */
    @Python("get_certificate()")
    public Certificate getCertificate() {
        try (Lease l = lease()) {
            long fd = l.handle();
            long c = Ssl3.SSL_RevealCert(fd);
            return c == 0 ? null : Certificate.adopt(c);
        }
    }

    /**
     * Describes the connection (SSL_GetChannelInfo): protocol version, cipher
     * suite, key sizes, session times and id. Meaningful after the handshake;
     * before it the fields are zero (and its str() raises ValueError).
     *
     * @return a new SSLChannelInfo, a copy that does not follow later changes
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("get_ssl_channel_info()")
    public SSLChannelInfo getSslChannelInfo() {
        long p = Mem.calloc(SSLChannelInfo.SIZE);
        try {
            check(fd -> Ssl3.SSL_GetChannelInfo(fd, p, SSLChannelInfo.SIZE));
            return new SSLChannelInfo(p);
        } finally {
            Mem.free(p);
        }
    }

    /**
     * The id of the connection's SSL session (SSL_GetSessionID).
     *
     * @return the id as a SecItem (may be empty)
     * @throws NSPRError PR_NOT_CONNECTED_ERROR before the handshake
     */
    @Python("get_session_id()")
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

    /**
     * On a server, the host name the client asked for with the server name
     * indication (SNI) extension (SSL_GetNegotiatedHostInfo).
     *
     * @return the host name (str), or null (None in Python) if the client sent none
     */
    @Python("get_negotiated_host()")
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

    /**
     * Summarises the connection's security (SSL_SecurityStatus).
     *
     * @return a six-item array (a tuple in Python): {@code on}
     *         ({@code SSL_SECURITY_STATUS_OFF}, {@code _ON_HIGH} or {@code _ON_LOW}),
     *         {@code cipher} (the symmetric cipher's name), {@code key_size} and
     *         {@code secret_key_size} (in bits), {@code issuer} and {@code subject}
     *         (the peer certificate's names as text); the strings are null (None)
     *         when unknown, e.g. before the handshake
     * @throws NSPRError if NSS refuses (e.g. PR_BAD_DESCRIPTOR_ERROR on a closed socket)
     */
    @Python("get_security_status()")
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

    /**
     * Describes the connection as labelled lines: protocol version, cipher,
     * MAC, authentication, key exchange and compression, with their sizes in bits.
     *
     * @param level the indentation level given to each line (default 0)
     * @return a list of {@code (level, label, value)} arrays (tuples in Python),
     *         as {@code nss.indented_format()} takes them
     * @throws NSPRError SEC_ERROR_INVALID_ARGS before the handshake (no cipher suite yet)
     * @throws IllegalArgumentException (ValueError) if the protocol version is not one python-nss knows
     */
    @Python("connection_info_format_lines(level=0)")
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

    /**
     * Describes the connection as indented text: {@link #connectionInfoFormatLines}
     * rendered as {@code nss.indented_format()} renders lines.
     *
     * @param level     the indentation level of the lines (default 0)
     * @param indentLen spaces per level (default 4)
     * @return the text (str in Python), one line per item
     * @throws NSPRError SEC_ERROR_INVALID_ARGS before the handshake
     */
    @Python("connection_info_format(level=0, indent_len=4)")
    public String connectionInfoFormat(int level, int indentLen) {
        return BStr.text(org.jnss.asn1.Lines.indentedText(connectionInfoFormatLines(level), indentLen));
    }

    /**
     * Describes the connection as text: {@link #connectionInfoFormat} at level 0
     * with 4 spaces per level.
     *
     * @return the text (str in Python)
     * @throws NSPRError SEC_ERROR_INVALID_ARGS before the handshake
     */
    @Python("connection_info_str()")
    public String connectionInfoStr() {
        return connectionInfoFormat(0, 4);
    }
}
