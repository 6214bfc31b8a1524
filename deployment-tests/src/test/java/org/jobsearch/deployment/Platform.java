package org.jobsearch.deployment;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five apps as their own sources describe them: the environment variables each {@code application.yml}
 * reads (its {@code ${NAME:default}} placeholders), its port and its database. The deployment files are
 * checked against this, never against a second hand-written list.
 */
final class Platform {

    /** The repository root: this module's parent directory. */
    static final Path ROOT = findRoot();

    /** The version the images are tagged with: the Maven project version without -SNAPSHOT. */
    static final String VERSION = "0.1.0";

    /** Secrets a deployment may leave out: the gateway generates the admin password on the first start. */
    private static final Set<String> OPTIONAL_SECRETS = Set.of("JOBSEARCH_ADMIN_PASSWORD", "JOBSEARCH_LLM_API_KEY",
            "JOBSEARCH_OIDC_CLIENT_SECRET");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /** name → database, in start order (services first, the gateway in front of them). */
    private static final Map<String, String> DATABASES = new LinkedHashMap<>();

    static {
        DATABASES.put("discovery-service", "discovery");
        DATABASES.put("resume-service", "resume");
        DATABASES.put("tracker-service", "tracker");
        DATABASES.put("interview-prep-service", "prep");
        DATABASES.put("gateway", "gateway");
    }

    static final List<App> APPS = DATABASES.entrySet().stream().map(e -> App.of(e.getKey(), e.getValue())).toList();

    static App app(String name) {
        return APPS.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no app " + name));
    }

    /**
     * @param name         module and image name
     * @param port         {@code server.port} (the default of {@code SERVER_PORT} where the app reads it)
     * @param database     its database on the PostgreSQL server
     * @param placeholders every environment variable its application.yml reads → the default (null: none)
     */
    record App(String name, int port, String database, Map<String, String> placeholders) {

        boolean isGateway() {
            return name.equals("gateway");
        }

        String image() {
            return "jobsearch/" + name + ":" + VERSION;
        }

        /**
         * What a deployment must set: a variable without default, one whose default points at localhost (wrong
         * in any container), and every secret (an empty default makes the app refuse to start; a non-empty one
         * is a development value). Other empty defaults are optional settings ("none").
         */
        Set<String> requiredEnv() {
            Set<String> required = new java.util.TreeSet<>();
            placeholders.forEach((env, dflt) -> {
                if (!OPTIONAL_SECRETS.contains(env)
                        && (dflt == null || dflt.contains("localhost") || isSecret(env))) {
                    required.add(env);
                }
            });
            return required;
        }

        static App of(String name, String database) {
            Path yml = ROOT.resolve(name).resolve("src/main/resources/application.yml");
            String text = read(yml);
            Map<String, String> placeholders = new LinkedHashMap<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                placeholders.put(m.group(1), m.group(2));
            }
            Object port = null;
            for (Object doc : new Yaml().loadAll(text)) {
                if (doc instanceof Map<?, ?> map && map.get("server") instanceof Map<?, ?> server && server.get("port") != null) {
                    port = server.get("port");
                    break;
                }
            }
            if (port == null) {
                throw new IllegalStateException(yml + " sets no server.port");
            }
            String portText = String.valueOf(port);
            Matcher pm = PLACEHOLDER.matcher(portText);
            int resolved = Integer.parseInt(pm.matches() ? pm.group(2) : portText);
            return new App(name, resolved, database, Map.copyOf(placeholders));
        }
    }

    /** Variables holding a secret: never a literal value in a committed file. */
    static boolean isSecret(String env) {
        return env.endsWith("PASSWORD") || env.endsWith("_KEY") || env.contains("SECRET");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deployment-tests"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("repository root (with docker-compose.yml) not found above " + Path.of("").toAbsolutePath());
    }

    private Platform() {
    }
}
