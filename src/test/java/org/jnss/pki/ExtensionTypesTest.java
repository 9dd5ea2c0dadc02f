package org.jnss.pki;

import org.jnss.core.ArgumentError;
import org.jnss.core.FileObjects;
import org.jnss.core.NativeResource;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;
import org.jnss.nss.SecItem;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decoded extension types and read_der_from_file in plain Java, on the server test vector and made DER. */
class ExtensionTypesTest {
    private static final Path VECTORS = Path.of(System.getProperty("user.dir"), "test-vectors", "certs");
    private static Map<Integer, byte[]> ext;
    private static boolean started;

    @BeforeAll
    static void init() throws IOException {
        if (!NssRuntime.isInitialized()) {
            Nss.nssInitNodb();
            started = true;
        }
        Certificate c = Certificate.create(Files.readAllBytes(VECTORS.resolve("server.der")), null, false, null);
        ext = new HashMap<>();
        for (Object o : c.getExtensions()) {
            CertificateExtension e = (CertificateExtension) o;
            ext.put(e.getOidTag(), e.value());
        }
    }

    /** Later test classes initialize NSS their own way. */
    @AfterAll
    static void shutdown() {
        if (!started) return;
        System.gc();
        org.jnss.core.Lifecycle.releaseUnreferenced();
        Nss.nssShutdown();
    }

    /** Text getters return String already (the Java text rule). */
    private static String s(String t) {
        return t;
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] tlv(int tag, byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[2 + n];
        out[0] = (byte) tag;
        out[1] = (byte) n;
        int i = 2;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    private static byte[] a(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void basicConstraints() {
        BasicConstraints bc = BasicConstraints.decode(ext.get(NssConstants.SEC_OID_X509_BASIC_CONSTRAINTS));
        assertEquals("is_ca=False path_len=0", s(bc.str()));
        assertEquals("Is CA:       False\nPath Length: 0", s(bc.format(0, 4)));
        BasicConstraints ca = BasicConstraints.create(new SecItem(new byte[]{0x30, 6, 1, 1, (byte) 0xff, 2, 1, 5}));
        assertTrue(ca.isCa());
        assertEquals(5, ca.getPathLen());
        assertEquals(-2, BasicConstraints.decode(new byte[]{0x30, 3, 1, 1, (byte) 0xff}).getPathLen());
        assertThrows(NSPRError.class, () -> BasicConstraints.decode(a("garbage")));
        assertThrows(NSPRError.class, () -> BasicConstraints.decode(new byte[0]));
    }

    @Test
    void authKeyId() {
        AuthKeyID k = AuthKeyID.decode(ext.get(NssConstants.SEC_OID_X509_AUTH_KEY_ID));
        assertEquals(20, k.getKeyId().length());
        assertEquals(SecItem.Kind.DER, k.getKeyId().getKind());
        assertNull(k.getSerialNumber());
        assertEquals(0, k.getGeneralNames(NssConstants.AsString).length);
        assertEquals(0, k.getGeneralNames(99).length);       // no names: () whatever the kind
        assertTrue(s(k.str()).startsWith("Key ID:\n    11:12:13:14:15:16:17:18:19:1a:1b:1c:1d:1e:1f:20:\n"));
        // key id, issuer (DNS name) and serial
        AuthKeyID full = AuthKeyID.decode(tlv(0x30, tlv(0x80, new byte[]{1, 2}), tlv(0xa1, tlv(0x82, a("a.example"))),
                tlv(0x82, new byte[]{0, (byte) 0xff})));
        assertEquals(255, full.getSerialNumber());
        assertArrayEquals(new Object[]{3}, full.getGeneralNames(NssConstants.AsTypeEnum));
        assertEquals("DNS name: a.example", s((byte[]) full.getGeneralNames(NssConstants.AsLabeledString)[0]));
        assertThrows(IllegalArgumentException.class, () -> full.getGeneralNames(99));
        // no key id: python-nss cannot format it
        AuthKeyID noId = AuthKeyID.decode(tlv(0x30, tlv(0x82, new byte[]{5})));
        assertNull(noId.getKeyId());
        assertThrows(ArgumentError.class, noId::str);
        assertEquals("ID: None, Serial Number: 5, Issuer: []", s(noId.repr()));
        assertThrows(NSPRError.class, () -> AuthKeyID.decode(a("garbage")));
    }

    @Test
    void crlDistributionPoints() {
        CRLDistributionPts pts = CRLDistributionPts.decode(ext.get(NssConstants.SEC_OID_X509_CRL_DIST_POINTS));
        assertEquals(3, pts.length());
        CRLDistributionPoint p1 = pts.getItem(1);
        assertSame(p1, pts.getItem(1));
        assertEquals("Directory Name: CN=jnss Test CA,O=jnss,C=US", s(p1.getIssuer().repr()));
        assertEquals(List.of("Key Compromise", "CA Compromise"),
                List.of(s((byte[]) p1.getReasons(NssConstants.AsEnumDescription)[0]),
                        s((byte[]) p1.getReasons(NssConstants.AsEnumDescription)[1])));
        assertArrayEquals(new Object[]{1, 2}, p1.getReasons(NssConstants.AsEnum));
        assertThrows(IllegalArgumentException.class, () -> p1.getReasons(NssConstants.AsString));
        assertEquals("Relative Distinguished Name: CN=CRL1, Issuer: None, Reasons: []", s(pts.getItem(2).repr()));
        assertEquals(0, pts.getItem(2).getGeneralNames(NssConstants.AsString).length);
        assertThrows(IndexOutOfBoundsException.class, () -> pts.getItem(3));
        assertThrows(IndexOutOfBoundsException.class, () -> pts.getItem(-4));
        assertTrue(s(pts.str()).startsWith("CRL Distribution Points: [3 total]\n    Point [1]:\n"));
        assertThrows(IllegalArgumentException.class, () -> CRLDistributionPts.decode(a("garbage")));
        CRLDistributionPoint empty = CRLDistributionPoint.create(1);
        assertEquals("", s(empty.str()));
        assertNull(empty.getIssuer());
    }

    @Test
    void authorityInfoAccessAndGeneralName() {
        AuthorityInfoAccesses aias = AuthorityInfoAccesses.decode(ext.get(NssConstants.SEC_OID_X509_AUTH_INFO_ACCESS));
        assertEquals(2, aias.length());
        AuthorityInfoAccess ocsp = aias.getItem(0);
        assertEquals(NssConstants.SEC_OID_PKIX_OCSP, ocsp.getMethodTag());
        assertEquals("PKIX Online Certificate Status Protocol", s(ocsp.getMethodStr()));
        GeneralName g = ocsp.getLocation();
        assertEquals("http://ocsp.example.com", s(g.getName()));
        assertEquals("certURI", s(g.getTypeName()));
        assertEquals("URI", s(g.getTypeString()));
        assertEquals(NssConstants.certURI, g.getTypeEnum());
        assertEquals(1, g.length());
        assertEquals("URI: http://ocsp.example.com", s(g.getItem(0).repr()));
        assertThrows(IndexOutOfBoundsException.class, () -> g.getItem(1));
        assertSame(g, g.getNameAs(NssConstants.AsObject));
        assertThrows(IllegalArgumentException.class, () -> g.getNameAs(NssConstants.AsEnum));
        assertEquals("Method:   PKIX Online Certificate Status Protocol\nLocation: URI: http://ocsp.example.com",
                s(ocsp.str()));
        AuthorityInfoAccess empty = AuthorityInfoAccess.create();
        assertEquals("", s(empty.str()));
        assertThrows(IllegalArgumentException.class, empty::getMethodStr);
        assertThrows(NSPRError.class, () -> AuthorityInfoAccesses.decode(a("garbage")));
        assertThrows(ArgumentError.class, () -> AuthorityInfoAccesses.create(null));
    }

    /** Extension values cut and corrupted at random: each decoder fails cleanly or decodes, never crashes. */
    @Test
    void corruptedValuesFailCleanly() {
        Random r = new Random(4);
        List<byte[]> seeds = new ArrayList<>(ext.values());
        int failures = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] v = seeds.get(r.nextInt(seeds.size())).clone();
            if (r.nextBoolean()) v = java.util.Arrays.copyOf(v, r.nextInt(v.length + 1));
            for (int k = r.nextInt(4); k >= 0 && v.length > 0; k--) v[r.nextInt(v.length)] = (byte) r.nextInt(256);
            byte[] value = v;
            for (Runnable decode : List.<Runnable>of(
                    () -> BasicConstraints.decode(value).str(),
                    () -> AuthKeyID.decode(value).formatLines(0),
                    () -> CRLDistributionPts.decode(value).str(),
                    () -> AuthorityInfoAccesses.decode(value).str())) {
                try {
                    decode.run();
                } catch (NSPRError | IllegalArgumentException | IndexOutOfBoundsException e) {
                    failures++;
                }
            }
        }
        assertTrue(failures > 0);
    }

    @Test
    void readDerFromFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        byte[] der = Files.readAllBytes(VECTORS.resolve("ca.der"));
        SecItem item = Pki.readDerFromFile(VECTORS.resolve("ca.der").toString(), false);
        assertArrayEquals(der, item.getData());
        assertEquals(SecItem.Kind.DER, item.getKind());
        assertArrayEquals(der, Pki.readDerFromFile(VECTORS.resolve("ca.pem").toString(), true).getData());
        Path text = tmp.resolve("t");
        Files.write(text, a("QUJD\u0000QUJD"));
        assertEquals("ABC", s(Pki.readDerFromFile(text.toString(), true).getData()));   // up to the NUL, as python-nss
        Files.write(text, a("-----BEGIN X-----\nQUJD\n"));
        assertThrows(IllegalArgumentException.class, () -> Pki.readDerFromFile(text.toString(), true));
        assertThrows(UncheckedIOException.class, () -> Pki.readDerFromFile(tmp.resolve("missing").toString(), false));
        // without the Python surface, only paths can be read
        if (!(FileObjects.read(VECTORS.resolve("ca.der").toString()) instanceof byte[])) throw new AssertionError();
        assertThrows(ArgumentError.class, () -> Pki.readDerFromFile(42, false));
        assertFalse(FileObjects.readPath(42) != null);
    }
}
