package org.jnss.harness;

import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * JUnit 5 entry point of the migration harness: runs the cases recorded by
 * {@code scripts/compare --record DIR} under pynss and compares their output with the
 * recorded (golden) output of python-nss, one dynamic test per case. No CPython is needed.
 *
 * <pre>
 * class MigrationIT {
 *     &#64;TestFactory
 *     Stream&lt;DynamicTest&gt; scripts() {
 *         return GoldenScripts.tests(Path.of("src/test/golden"), Path.of("scripts/pynss"));
 *     }
 * }
 * </pre>
 *
 * A case passes when standard output, standard error (unless the case ignores it) and
 * exit status equal the recorded ones after the same normalisations as
 * {@code scripts/compare} (see {@link Normalisations}).
 *
 * <p>Each case runs in a fresh temporary directory (deleted afterwards) with its own
 * copies of the case's databases; paths of those copies in the output are replaced by
 * {@code <dbN>} before the comparison.
 */
public final class GoldenScripts {

    private GoldenScripts() {
    }

    /** How one recorded case runs: the {@code NAME.case} file that {@code --record} writes. */
    record Case(Path golden, String id, String name, Path dir, String script, List<String> args,
                List<String[]> dbs, Path stdin, double timeout, boolean ignoreStderr, boolean strict,
                List<String> rules, List<String> patterns) {

        static Case read(Path file) {
            Path golden = file.getParent();
            String id = file.getFileName().toString().replaceFirst("\\.case$", "");
            String name = id, script = null;
            Path dir = golden, stdin = null;
            double timeout = 300;
            boolean ignoreStderr = false, strict = false;
            List<String> args = new ArrayList<>(), rules = new ArrayList<>(), patterns = new ArrayList<>();
            List<String[]> dbs = new ArrayList<>();
            for (String line : text(file).lines().toList()) {
                int eq = line.indexOf('=');
                if (eq < 0) continue;
                String key = line.substring(0, eq), value = line.substring(eq + 1);
                switch (key) {
                    case "name" -> name = value;
                    case "dir" -> dir = golden.resolve(value).normalize();
                    case "script" -> script = value;
                    case "arg" -> args.add(value);
                    case "db" -> {
                        int split = value.lastIndexOf('=');
                        dbs.add(new String[] {value.substring(0, split), value.substring(split + 1)});
                    }
                    case "stdin" -> stdin = golden.resolve(value).normalize();
                    case "timeout" -> timeout = Double.parseDouble(value);
                    case "ignore-stderr" -> ignoreStderr = Boolean.parseBoolean(value);
                    case "strict" -> strict = Boolean.parseBoolean(value);
                    case "rule" -> rules.add(value);
                    case "normalize" -> patterns.add(value);
                    default -> { }
                }
            }
            if (script == null) throw new IllegalArgumentException(file + " names no script");
            return new Case(golden, id, name, dir, script, args, dbs, stdin, timeout, ignoreStderr, strict, rules, patterns);
        }

        String expected(String what) {
            return text(golden.resolve(id + "." + what));
        }
    }

    /**
     * Makes one dynamic test per recorded case, for a JUnit 5 {@code @TestFactory}.
     *
     * @param golden the directory {@code scripts/compare --record} wrote (its {@code *.case} files)
     * @param pynss  the pynss launcher to run the scripts with
     * @return the tests, in the order of the case files' names; each fails with an
     *         {@code AssertionFailedError} that shows the expected and actual output,
     *         or when its script runs past the case's timeout (300 s unless recorded otherwise)
     * @throws IllegalArgumentException if the directory holds no case (a case file that
     *         names no script fails when the returned stream reaches it)
     * @throws UncheckedIOException if the directory cannot be read
     */
    public static Stream<DynamicTest> tests(Path golden, Path pynss) {
        List<Path> files;
        try (Stream<Path> s = Files.list(golden)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".case")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("no recorded cases (*.case) in " + golden);
        Path launcher = pynss.toAbsolutePath();
        return files.stream().map(Case::read).map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c, launcher)));
    }

    static void check(Case c, Path pynss) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("jnss-golden-");
        try {
            List<String> command = new ArrayList<>(List.of(pynss.toString(), c.script()));
            List<String> args = new ArrayList<>(c.args());
            List<String[]> copies = new ArrayList<>();
            for (int n = 0; n < c.dbs().size(); n++) {
                String given = c.dbs().get(n)[0];
                Path source = c.golden().resolve(c.dbs().get(n)[1]).normalize();
                Path copy = work.resolve("db" + n);
                copyTree(source, copy);
                copies.add(new String[] {copy.toString(), "<db" + n + ">"});
                for (String form : new String[] {trimSlash(given), source.toString()}) {
                    Pattern p = Pattern.compile("(^|[:=])" + Pattern.quote(form) + "(?=$|/)");
                    args.replaceAll(a -> p.matcher(a).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + copy)));
                }
            }
            command.addAll(args);
            File out = work.resolve("stdout").toFile(), err = work.resolve("stderr").toFile();
            ProcessBuilder pb = new ProcessBuilder(command).directory(c.dir().toFile())
                    .redirectOutput(out).redirectError(err);
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            if (c.stdin() != null) pb.redirectInput(c.stdin().toFile());
            else pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor((long) (c.timeout() * 1000), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionFailedError(c.name() + ": timed out after " + c.timeout() + " s");
            }
            String stdout = text(out.toPath()), stderr = text(err.toPath());
            for (String[] copy : copies) {
                stdout = stdout.replace(copy[0], copy[1]);
                stderr = stderr.replace(copy[0], copy[1]);
            }
            // paths under the case's directory as the script names them (as scripts/compare does)
            String here = c.dir().toAbsolutePath() + File.separator;
            stdout = stdout.replace(here, "");
            stderr = stderr.replace(here, "");
            List<Normalisations.Rule> rules = Normalisations.forCase(c.strict(), c.rules(), c.patterns());
            compare(c.name() + ": stdout", Normalisations.apply(rules, "stdout", c.expected("stdout")),
                    Normalisations.apply(rules, "stdout", stdout));
            if (!c.ignoreStderr()) {
                compare(c.name() + ": stderr", Normalisations.apply(rules, "stderr", c.expected("stderr")),
                        Normalisations.apply(rules, "stderr", stderr));
            }
            compare(c.name() + ": exit status", c.expected("status").strip(), Integer.toString(p.exitValue()));
        } finally {
            deleteTree(work);
        }
    }

    private static void compare(String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(what + " differs from python-nss's recorded output", expected, actual);
        }
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
