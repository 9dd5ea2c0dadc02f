package org.jnss.pki;

import org.jnss.core.ArgumentError;
import org.jnss.core.KeyError;
import org.jnss.core.Slice;
import org.jnss.error.NSPRError;
import org.jnss.nss.Nss;
import org.jnss.nss.NssConstants;
import org.jnss.nss.NssRuntime;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Certificate, DN, RDN and AVA through the Java core, on the project's test vectors. */
class CertificateTest {
    private static final Path VECTORS = Path.of(System.getProperty("user.dir"), "test-vectors", "certs");

    @BeforeAll
    static void init() {
        if (!NssRuntime.isInitialized()) Nss.nssInitNodb();
    }

    private static byte[] vector(String name) throws IOException {
        return Files.readAllBytes(VECTORS.resolve(name + ".der"));
    }

    /** Text getters return String already (the Java text rule). */
    private static String s(String t) {
        return t;
    }

    private static String s(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Certificate cert(byte[] der) {
        return Certificate.create(der, null, false, null);
    }

    @Test
    void fieldsOfTheServerCertificate() throws IOException {
        byte[] der = vector("server");
        try (Certificate c = cert(der)) {
            assertArrayEquals(der, c.getDerData());
            assertEquals(1000, c.getSerialNumber());
            assertEquals(2, c.getVersion());
            assertEquals("server.example.com", s(c.getSubjectCommonName()));
            assertEquals("CN=jnss Test CA,O=jnss,C=US", c.getIssuer().toString());
            assertEquals("CN=server.example.com,OU=Web Operations,O=jnss,L=Raleigh,ST=North Carolina,C=US",
                    c.getSubject().toString());
            assertTrue(c.getValidNotBefore() < c.getValidNotAfter());
            assertTrue(s(c.getValidNotAfterStr()).endsWith(" UTC"));
            assertNull(c.getSslTrustFlags());
            assertNull(c.getSslTrustStr());
            String text = s(c.str());
            assertTrue(text.startsWith("Data:\n        Version:       3 (0x2)\n        Serial Number: 1000 (0x3e8)\n"), text);
            assertTrue(text.contains("\n        Name:     Certificate Subject Alt Name\n"), text);
            assertTrue(text.contains("\n            2001:db8::1\n"), text);
            assertTrue(text.contains("\n    Signature:\n        Signature Algorithm:\n"), text);
            assertEquals(text, s(c.format(0, 4)));
            List<Object[]> lines = c.formatLines(0);
            assertEquals(0, lines.get(0)[0]);
            assertArrayEquals("Data:".getBytes(), (byte[]) lines.get(0)[1]);
        }
    }

    @Test
    void everyTestVectorFormats() throws IOException {
        try (var files = Files.list(VECTORS)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".der")).toList()) {
                try (Certificate c = cert(Files.readAllBytes(p))) {
                    assertTrue(c.str().length() > 500, p.toString());
                }
            }
        }
    }

    @Test
    void closedCertificateIsAnErrorNotACrash() throws IOException {
        Certificate c = cert(vector("ca"));
        c.close();
        assertThrows(NSPRError.class, c::getSubject);
        assertThrows(NSPRError.class, c::str);
        c.close();
    }

    @Test
    void malformedDerIsAnNsprError() throws IOException {
        byte[] der = vector("ec");
        for (byte[] bad : new byte[][]{new byte[0], "garbage".getBytes(), java.util.Arrays.copyOf(der, 40),
                java.util.Arrays.copyOf(der, der.length - 1)}) {
            assertThrows(NSPRError.class, () -> cert(bad));
        }

    }

    @Test
    void namesFromStrings() {
        DN dn = DN.create("CN=www.redhat.com,OU=Web Operations,O=Red Hat Inc,C=US");
        assertEquals(4, dn.length());
        assertEquals("C=US", dn.getItem(0).toString());
        assertEquals("CN=www.redhat.com", dn.getItem(dn.length() - 1).toString());
        assertEquals("www.redhat.com", s(dn.getCommonName()));
        assertNull(dn.getEmailAddress());
        assertEquals(1, ((List<?>) dn.getItem("cn")).size());
        assertEquals(1, ((List<?>) dn.getItem("2.5.4.3")).size());
        assertEquals(2, ((List<?>) dn.getItem(new Slice(1L, 3L, null))).size());
        assertThrows(KeyError.class, () -> dn.getItem("nonsense"));
        assertThrows(KeyError.class, () -> dn.getItem("E"));
        assertThrows(IllegalArgumentException.class, () -> dn.getItem("99.1"));
        assertThrows(IndexOutOfBoundsException.class, () -> dn.getItem(4));
        assertThrows(IllegalArgumentException.class, () -> dn.getItem(1.5));   // Python: TypeError, by the binder
        assertTrue(dn.hasKey("cn"));
        assertFalse(dn.hasKey("E"));
        assertFalse(dn.hasKey("nonsense"));
        assertTrue(dn.eq(DN.create(dn.toString())));
        assertTrue(DN.create("CN=a").lt(DN.create("CN=b")));
        assertThrows(ArgumentError.class, () -> dn.eq("CN=x"));
        assertThrows(NSPRError.class, () -> DN.create("garbage"));
        assertEquals("", DN.create("").toString());

        AVA a = AVA.create("cn", "x,y");
        assertEquals("CN=\"x,y\"", a.toString());
        assertEquals(NssConstants.SEC_OID_AVA_COMMON_NAME, a.getOidTagValue());
        assertThrows(NSPRError.class, () -> AVA.create("c", "USA"));
        assertThrows(IllegalArgumentException.class, () -> AVA.create("1.2.3.4", "v"));
        assertThrows(KeyError.class, () -> AVA.create("nonsense", "v"));
        assertThrows(ArgumentError.class, () -> AVA.create("cn", 5));

        RDN r = RDN.create(a, AVA.create("ou", "b"));
        assertEquals("CN=\"x,y\"+OU=b", r.toString());
        DN built = DN.create(RDN.create(AVA.create("c", "US")), r);
        assertEquals("CN=\"x,y\"+OU=b,C=US", built.toString());
        assertThrows(ArgumentError.class, () -> DN.create(r, 5));
    }

    @Test
    void mutatedCertificatesEndInPythonExceptions() throws IOException {
        byte[][] bases = {vector("server"), vector("client"), vector("names"), vector("ec-ca"), vector("dsa")};
        Random rnd = new Random(7);
        int accepted = 0;
        for (int i = 0; i < 1500; i++) {
            byte[] d = bases[rnd.nextInt(bases.length)].clone();
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) d[rnd.nextInt(d.length)] = (byte) rnd.nextInt(256);
            if (rnd.nextInt(4) == 0) d = java.util.Arrays.copyOf(d, rnd.nextInt(d.length));
            Certificate c;
            try {
                c = cert(d);
            } catch (NSPRError e) {
                continue;
            }
            accepted++;
            try (c) {
                for (Runnable op : List.<Runnable>of(c::str, () -> c.formatLines(1), () -> c.getSubject().toString(),
                        () -> c.getIssuer().toString(), c::getSerialNumber, c::getValidNotBeforeStr,
                        c::getSubjectCommonName, () -> c.getSubject().getOrgName())) {
                    try {
                        op.run();
                    } catch (NSPRError | IllegalArgumentException | IndexOutOfBoundsException | KeyError expected) {
                        // ValueError, TypeError, NSPRError...
                    }
                }
            }
        }
        assertTrue(accepted > 300, "accepted " + accepted);
    }
}
