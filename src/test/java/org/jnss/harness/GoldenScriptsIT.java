package org.jnss.harness;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The harness's JUnit 5 entry point at work, as a user's build would use it: the
 * project's example scripts ({@code src/test/harness}) run under pynss against the
 * outputs python-nss gave for them ({@code src/test/harness/golden}, made by
 * {@code scripts/compare --record}). Needs no CPython.
 */
class GoldenScriptsIT {
    private static final Path TOP = Path.of(System.getProperty("user.dir"));

    @TestFactory
    Stream<DynamicTest> harnessExamples() {
        return GoldenScripts.tests(TOP.resolve("src/test/harness/golden"), TOP.resolve("scripts/pynss"));
    }
}
