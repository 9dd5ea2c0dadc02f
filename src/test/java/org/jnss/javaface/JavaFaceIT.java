package org.jnss.javaface;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Java face as a user meets it: {@code scripts/jshell} from another
 * directory, and {@code java -jar target/jnss.jar}; what they print is compared
 * with the reference python-nss.
 */
class JavaFaceIT {
    private static final Path TOP = Path.of(System.getProperty("user.dir"));
    private static final String REFERENCE = System.getenv().getOrDefault("PYNSS_REFERENCE_PYTHON", "/usr/bin/python3");
    private static final String[] CERTS = {"client.pem", "ca.pem", "ec.pem", "dsa.pem"};

    record Result(int status, String out) {}

    private static Result run(Path dir, String stdin, List<String> command) throws Exception {
        File out = File.createTempFile("javaface", ".out");
        out.deleteOnExit();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().remove("PYTHONPATH");
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        assertTrue(done, command + " timed out");
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    private static boolean referenceAvailable() throws Exception {
        if (!Files.isExecutable(Path.of(REFERENCE))) return false;
        return run(TOP, null, List.of(REFERENCE, "-c", "import nss.nss")).status() == 0;
    }

    /** str() of a certificate file under the reference python-nss. */
    private static String referenceStr(Path pem) throws Exception {
        Result r = run(TOP, null, List.of(REFERENCE, "-c",
                "import sys, nss.nss as nss\nnss.nss_init_nodb()\n"
                        + "sys.stdout.write(str(nss.Certificate(nss.read_der_from_file(sys.argv[1], True))))",
                pem.toString()));
        assertEquals(0, r.status(), "reference failed: " + r.out());
        return r.out();
    }

    @Test
    void jshellPrintsCertificatesAsPythonNssStr() throws Exception {
        assumeTrue(referenceAvailable(), "reference python-nss not installed at " + REFERENCE);
        Path elsewhere = Files.createTempDirectory("jshell-elsewhere");
        StringBuilder snippet = new StringBuilder("Nss.nssInitNodb()\n");
        for (String c : CERTS) {
            Path pem = TOP.resolve("test-vectors/certs").resolve(c);
            snippet.append("try (var cert = Certificate.create(Pki.readDerFromFile(\"").append(pem)
                    .append("\", true))) { System.out.print(\"<<<").append(c).append("|\" + cert + \">>>\"); }\n");
        }
        snippet.append("/exit\n");
        Result r = run(elsewhere, snippet.toString(), List.of(TOP.resolve("scripts/jshell").toString(), "-q"));
        assertEquals(0, r.status(), r.out());
        for (String c : CERTS) {
            Matcher m = Pattern.compile("<<<" + Pattern.quote(c) + "\\|(.*?)>>>", Pattern.DOTALL).matcher(r.out());
            assertTrue(m.find(), "no certificate text for " + c + " in:\n" + r.out());
            assertEquals(referenceStr(TOP.resolve("test-vectors/certs").resolve(c)), m.group(1), c);
        }
    }

    @Test
    void javaJarRunsPythonLikePynss() throws Exception {
        Path elsewhere = Files.createTempDirectory("jar-elsewhere");
        Path jar = TOP.resolve("target/jnss.jar");
        String code = "import nss.nss as nss; print nss.nss_get_version()";
        Result jarRun = run(elsewhere, null, List.of("java", "-jar", jar.toString(), "-c", code));
        Result pynss = run(elsewhere, null, List.of(TOP.resolve("scripts/pynss").toString(), "-c", code));
        assertEquals(0, jarRun.status(), jarRun.out());
        assertTrue(jarRun.out().matches("\\d+\\.\\d+(\\.\\d+)*\\n"), jarRun.out());
        assertEquals(pynss.out(), jarRun.out());

        Path script = elsewhere.resolve("args.py");
        Files.writeString(script, "import sys\nprint sys.argv[1:]\nsys.exit(3)\n");
        List<String> cmd = new ArrayList<>(List.of("java", "-jar", jar.toString(), script.toString(), "a", "b c"));
        Result s = run(elsewhere, null, cmd);
        assertEquals(3, s.status());
        assertEquals("['a', 'b c']\n", s.out());
    }
}
