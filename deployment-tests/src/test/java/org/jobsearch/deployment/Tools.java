package org.jobsearch.deployment;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** Command-line tools the checks run (kubectl, docker-compose): required under CI, optional on a workstation. */
final class Tools {

    record Result(int exitCode, String stdout, String stderr) {
    }

    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * The tool on the PATH. Missing: a failure under CI ({@code .ci/run} installs it), otherwise the
     * calling test is skipped with {@code howToInstall}.
     */
    static Path require(String name, String howToInstall) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            if (ci()) {
                fail(name + " is not on the PATH; CI installs it in .ci/run (" + howToInstall + ")");
            }
            Assumptions.abort(name + " is not on the PATH (" + howToInstall + "); CI runs this check");
        }
        return found.get();
    }

    static Optional<Path> find(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs a command in {@code dir} with exactly {@code env} plus PATH and HOME. */
    static Result run(Path dir, Map<String, String> env, List<String> command) {
        try {
            Path out = Files.createTempFile("tool", ".out");
            Path err = Files.createTempFile("tool", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                Map<String, String> environment = builder.environment();
                environment.clear();
                environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
                environment.put("HOME", System.getProperty("java.io.tmpdir"));
                environment.putAll(env);
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    private Tools() {
    }
}
