package org.jnss.javaface;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/java-consumer, a Maven project depending on org.jnss:jnss, builds and
 * runs with mvn (certificates, a digest, a TLS exchange), and Jython is not in
 * its dependency tree.
 *
 * <p>The jar just built is installed into a fresh local repository; the
 * developer's local repository serves as a file repository ahead of Maven
 * Central, so nothing is downloaded when it already holds the plugins (on a
 * fresh machine they come from Central). The developer's repository is not
 * written to.
 */
class ConsumerExampleIT {
    private static final Path TOP = Path.of(System.getProperty("user.dir"));

    private static String mvnRun(Path dir, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mvn", "-B", "-q", "-Dstyle.color=never"));
        cmd.addAll(args);
        File out = File.createTempFile("consumer", ".out");
        out.deleteOnExit();
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out).start();
        boolean done = p.waitFor(900, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String text = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertTrue(done, "timed out: " + cmd + "\n" + text);
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + text);
        return text;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (from.relativize(p).startsWith("target")) continue;
                Path d = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(d);
                else Files.copy(p, d, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void consumerBuildsAndRunsWithoutJython() throws Exception {
        Path work = Files.createTempDirectory("java-consumer");
        Path repo = work.resolve("repository");
        Path userRepo = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path settings = work.resolve("settings.xml");
        String seed = Files.isDirectory(userRepo)
                ? "<repository><id>seed</id><url>" + userRepo.toUri() + "</url></repository>" : "";
        Files.writeString(settings, "<settings><profiles><profile><id>seed</id>"
                + "<repositories>" + seed + "</repositories>"
                + "<pluginRepositories>" + seed.replace("repository>", "pluginRepository>") + "</pluginRepositories>"
                + "</profile></profiles><activeProfiles><activeProfile>seed</activeProfile></activeProfiles></settings>");
        List<String> common = List.of("-s", settings.toString(), "-Dmaven.repo.local=" + repo);

        List<String> install = new ArrayList<>(common);
        install.addAll(List.of("install:install-file", "-Dfile=" + TOP.resolve("target/jnss.jar"),
                "-DpomFile=" + TOP.resolve("pom.xml")));
        mvnRun(TOP, install);

        Path project = work.resolve("java-consumer");
        copyTree(TOP.resolve("examples/java-consumer"), project);
        Path tree = work.resolve("tree.txt");
        List<String> build = new ArrayList<>(common);
        build.addAll(List.of("package", "exec:exec", "dependency:tree", "-DoutputFile=" + tree,
                "-Ddb=" + TOP.resolve("test-vectors/db"), "-Dcert=" + TOP.resolve("test-vectors/certs/client.pem")));
        String out = mvnRun(project, build);

        assertTrue(out.contains("subject: E=client@example.com,CN=jnss Test Client,OU=People,O=jnss,C=US"), out);
        assertTrue(out.contains("extension: Certificate Subject Alt Name"), out);
        assertTrue(out.contains("sha256(abc): ba:78:16:bf:8f:01:cf:ea:41:41:40:de:5d:ae:22:23:"
                + "b0:03:61:a3:96:17:7a:9c:b4:10:ff:61:f2:00:15:ad"), out);
        assertTrue(out.contains("TLS reply: echo: hello\n"), out);
        assertTrue(out.contains("protocol: tls1.3"), out);
        assertTrue(out.contains("server certificate: "), out);

        String deps = Files.readString(tree, StandardCharsets.UTF_8);
        assertTrue(deps.contains("org.jnss:jnss:jar:0.1.0-SNAPSHOT"), deps);
        assertTrue(deps.contains("net.java.dev.jna:jna"), deps);
        assertFalse(deps.toLowerCase().contains("jython"), deps);
    }
}
