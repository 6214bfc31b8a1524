package org.jobsearch.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What the benchmarks that start a service's Boot jar in a JVM of its own share. */
final class ServiceJvm {

    private ServiceJvm() {
    }

    /**
     * The Boot jar of {@code module} ({@code <module>/target/<module>-*.jar}, found from the current directory or
     * its parent), or the path given by the system property {@code property}.
     */
    static Path bootJar(String module, String property) throws IOException {
        String given = System.getProperty(property);
        if (given != null) {
            return Path.of(given);
        }
        Path cwd = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path root : new Path[]{cwd, cwd.getParent()}) {
            Path target = root == null ? null : root.resolve(module + "/target");
            if (target != null && Files.isDirectory(target)) {
                try (Stream<Path> files = Files.list(target)) {
                    Path jar = files.filter(p -> p.getFileName().toString().matches(module + "-.*\\.jar"))
                            .filter(p -> !p.getFileName().toString().endsWith("-plain.jar"))
                            .findFirst().orElse(null);
                    if (jar != null) {
                        return jar;
                    }
                }
            }
        }
        throw new IllegalStateException("no " + module + "/target/" + module + "-*.jar: run ./mvnw -B -q install "
                + "-DskipTests first, or give -D" + property + "=...");
    }

    /** Extra options for the service's JVM from the system property {@code property}, space separated. */
    static List<String> extraArgs(String property) {
        List<String> args = new ArrayList<>();
        for (String arg : System.getProperty(property, "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                args.add(arg);
            }
        }
        return args;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
