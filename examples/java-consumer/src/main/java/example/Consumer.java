package example;

import org.jnss.error.NSPRError;
import org.jnss.io.IoConstants;
import org.jnss.io.NetworkAddress;
import org.jnss.asn1.Codec;
import org.jnss.nss.Nss;
import org.jnss.pk11.Digests;
import org.jnss.pk11.PrivateKey;
import org.jnss.pki.Certificate;
import org.jnss.pki.CertVerify;
import org.jnss.pki.CertificateExtension;
import org.jnss.pki.Pki;
import org.jnss.ssl.SSLSocket;
import org.jnss.ssl.Ssl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * jnss from a plain Java program: reads a certificate, lists its extensions,
 * computes a digest, and makes a TLS connection to a server it runs itself on
 * loopback, with the certificate and key of an NSS database.
 *
 * <p>Arguments: the NSS database directory (holding a server certificate
 * "server" for server.example.com and its CA), a PEM certificate file.
 */
public final class Consumer {
    private Consumer() {}

    public static void main(String[] args) throws Exception {
        Nss.nssInit("sql:" + Path.of(args[0]).toAbsolutePath());
        try {
            run(Path.of(args[1]));
        } finally {
            Ssl.shutdownServerSessionIdCache();
            Ssl.clearSessionCache();
            System.gc();
            Nss.nssShutdown();
        }
    }

    private static void run(Path pem) throws Exception {
        try (Certificate cert = Certificate.create(Pki.readDerFromFile(pem.toString(), true))) {
            System.out.println("subject: " + cert.getSubject());
            System.out.println("issuer: " + cert.getIssuer());
            for (Object o : cert.getExtensions()) {
                CertificateExtension ext = (CertificateExtension) o;
                System.out.println("extension: " + ext.getName()
                        + (ext.getCritical() ? " (critical)" : ""));
            }
        }
        System.out.println("sha256(abc): " + Codec.dataToHex(Digests.sha256Digest("abc".getBytes(StandardCharsets.UTF_8)), 0, ":"));

        Ssl.setDomesticPolicy();
        Ssl.configServerSessionIdCache(0, 0, 0, null);
        try (SSLSocket listener = new SSLSocket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
            try (Certificate serverCert = CertVerify.findCertFromNickname("server")) {
                PrivateKey key = CertVerify.findKeyByAnyCert(serverCert);
                listener.configSecureServer(serverCert, key, serverCert.findKeaType());
            }
            listener.bind(new NetworkAddress(IoConstants.PR_IpAddrLoopback, 0, IoConstants.PR_AF_INET));
            listener.listen(1);
            int port = listener.getSockName().getPort();
            Thread server = new Thread(() -> {
                try (SSLSocket c = (SSLSocket) listener.accept()[0]) {
                    byte[] line = c.readline();
                    c.send(("echo: " + new String(line, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
                } catch (NSPRError e) {
                    e.printStackTrace();
                }
            });
            server.start();
            try (SSLSocket s = new SSLSocket(IoConstants.PR_AF_INET, IoConstants.PR_DESC_SOCKET_TCP)) {
                s.setHostname("server.example.com");
                s.connect(new NetworkAddress(IoConstants.PR_IpAddrLoopback, port, IoConstants.PR_AF_INET));
                s.send("hello\n".getBytes(StandardCharsets.UTF_8));
                System.out.print("TLS reply: " + new String(s.readline(), StandardCharsets.UTF_8));
                System.out.println("protocol: " + s.getSslChannelInfo().getProtocolVersionStr());
                try (Certificate peer = s.getPeerCertificate()) {
                    System.out.println("server certificate: " + peer.getSubject());
                }
            }
            server.join(20_000);
        }
    }
}
