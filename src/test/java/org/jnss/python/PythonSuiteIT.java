package org.jnss.python;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every {@code src/test/python/test_*.py} under {@code scripts/pynss}, as a
 * user would; each module is a unittest program that must exit 0.
 */
class PythonSuiteIT {
    private static final Path TOP = Path.of(System.getProperty("user.dir"));

    @TestFactory
    Stream<DynamicTest> pythonModules() throws IOException {
        Path dir = TOP.resolve("src/test/python");
        List<Path> modules;
        try (Stream<Path> s = Files.list(dir)) {
            modules = s.filter(p -> p.getFileName().toString().matches("test_.*\\.py")).sorted().toList();
        }
        assertFalse(modules.isEmpty(), "no Python test modules in " + dir);
        return modules.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    private static void run(Path module) throws Exception {
        File log = File.createTempFile("pynss-test", ".log");
        log.deleteOnExit();
        Process p = new ProcessBuilder(TOP.resolve("scripts/pynss").toString(), module.toString())
                .directory(module.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
        boolean done = p.waitFor(600, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println("---- " + module.getFileName() + "\n" + out);
        assertTrue(done, module + " timed out\n" + out);
        assertEquals(0, p.exitValue(), module + " failed:\n" + out);
    }
}
