package org.jobsearch.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.jobsearch.deployment.Platform.App;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every overlay under k8s/overlays, rendered by {@code kubectl kustomize} (offline) from a copy where each
 * {@code *.example} stands in for the file an operator provides, then parsed strictly into fabric8's model
 * and checked against the apps: images, ports, environment, probes, security, network policies, secrets.
 */
class KustomizeOverlaysTest {

    private static final Path K8S = Platform.ROOT.resolve("k8s");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([a-z0-9_]+)(\\?.*)?");
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final String GATEWAY_LABEL = "app.kubernetes.io/name";

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            List<String> names = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
            assertThat(names).contains("local", "production");
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rendersToKnownKindsWithOnlyKnownFields(String overlay) {
        List<String> problems = new ArrayList<>();
        Manifests manifests = Manifests.parse(render(overlay), problems);
        assertThat(problems).as("unknown kinds or fields in overlay %s", overlay).isEmpty();
        assertThat(manifests.all()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyAppRunsItsImageOnItsPortBehindAService(String overlay) {
        Manifests m = manifests(overlay);
        assertThat(m.all(Deployment.class).stream().map(d -> d.getMetadata().getName()))
                .containsExactlyInAnyOrderElementsOf(Platform.APPS.stream().map(App::name).toList());
        for (App app : Platform.APPS) {
            Container container = container(m, app);
            assertThat(container.getImage()).as("%s image", app.name()).endsWith(app.name() + ":" + Platform.VERSION);
            assertThat(container.getImage()).isEqualTo(app.image());
            assertThat(container.getPorts().stream().map(ContainerPort::getContainerPort)).as("%s ports", app.name())
                    .containsExactly(app.port());
            Service service = m.find(Service.class, app.name()).orElseThrow(() -> new AssertionError("no Service " + app.name()));
            assertThat(service.getSpec().getSelector()).isEqualTo(Map.of(GATEWAY_LABEL, app.name()));
            assertThat(podLabels(m, app)).containsEntry(GATEWAY_LABEL, app.name());
            assertThat(service.getSpec().getPorts()).hasSize(1);
            ServicePort port = service.getSpec().getPorts().get(0);
            assertThat(port.getPort()).as("%s Service port", app.name()).isEqualTo(app.port());
            assertThat(resolvePort(port.getTargetPort(), container)).isEqualTo(app.port());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheAppReadsAndResolvesToARenderedKey(String overlay) {
        Manifests m = manifests(overlay);
        for (App app : Platform.APPS) {
            Container container = container(m, app);
            assertThat(container.getEnvFrom()).as("%s: explicit variables only", app.name()).isNullOrEmpty();
            Map<String, String> env = environment(m, app, container);
            assertThat(app.placeholders().keySet()).as("variables %s reads (overlay %s)", app.name(), overlay)
                    .containsAll(env.keySet());
            assertThat(env.keySet()).as("variables %s needs (overlay %s)", app.name(), overlay).containsAll(app.requiredEnv());
            for (EnvVar var : container.getEnv()) {
                if (Platform.isSecret(var.getName())) {
                    assertThat(var.getValueFrom()).as("%s of %s comes from a Secret", var.getName(), app.name()).isNotNull();
                    assertThat(var.getValueFrom().getSecretKeyRef()).as("%s of %s comes from a Secret", var.getName(), app.name())
                            .isNotNull();
                }
            }
            Matcher jdbc = JDBC.matcher(env.get("JOBSEARCH_DB_URL"));
            assertThat(jdbc.matches()).as("%s JOBSEARCH_DB_URL %s", app.name(), env.get("JOBSEARCH_DB_URL")).isTrue();
            assertThat(jdbc.group(3)).as("%s's database", app.name()).isEqualTo(app.database());
            m.find(Service.class, jdbc.group(1)).ifPresent(postgres -> assertThat(postgres.getSpec().getPorts().get(0).getPort())
                    .isEqualTo(Integer.parseInt(jdbc.group(2))));
            if (env.containsKey("JOBSEARCH_KAFKA_BOOTSTRAP")) {
                String[] bootstrap = env.get("JOBSEARCH_KAFKA_BOOTSTRAP").split(":");
                m.find(Service.class, bootstrap[0]).ifPresent(kafka -> assertThat(kafka.getSpec().getPorts().get(0).getPort())
                        .isEqualTo(Integer.parseInt(bootstrap[1])));
            }
            if (app.isGateway()) {
                for (App target : Platform.APPS) {
                    if (!target.isGateway()) {
                        String variable = "JOBSEARCH_" + switch (target.name()) {
                            case "discovery-service" -> "DISCOVERY";
                            case "resume-service" -> "RESUME";
                            case "tracker-service" -> "TRACKER";
                            default -> "PREP";
                        } + "_URL";
                        assertThat(env.get(variable)).isEqualTo("http://" + target.name() + ":" + target.port());
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAskTheActuatorOnTheAppPort(String overlay) {
        Manifests m = manifests(overlay);
        for (App app : Platform.APPS) {
            Container c = container(m, app);
            assertProbe(app, c, c.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(app, c, c.getReadinessProbe(), "/actuator/health/readiness");
            assertProbe(app, c, c.getStartupProbe(), "/actuator/health/liveness");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void appsHaveResourcesGracefulStopsAndRollingUpdatesThatKeepOneReplicaServing(String overlay) {
        Manifests m = manifests(overlay);
        for (App app : Platform.APPS) {
            Deployment d = deployment(m, app);
            Container c = container(m, app);
            assertThat(c.getResources().getRequests()).as("%s requests", app.name()).containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as("%s limits", app.name()).containsKey("memory");
            assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).as("%s maxUnavailable", app.name())
                    .isZero();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getTerminationGracePeriodSeconds()).as("%s: Spring's 30 s shutdown phase + preStop", app.name())
                    .isGreaterThanOrEqualTo(45L);
            assertThat(c.getLifecycle().getPreStop()).as("%s preStop", app.name()).isNotNull();
            if (app.isGateway()) {
                assertThat(d.getSpec().getReplicas()).as("gateway sessions are in memory: one replica").isEqualTo(1);
            } else {
                assertThat(d.getSpec().getReplicas()).isGreaterThanOrEqualTo(1);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyPodMeetsPodSecurityRestricted(String overlay) {
        Manifests m = manifests(overlay);
        List<Namespace> namespaces = m.all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        Namespace namespace = namespaces.get(0);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (HasMetadata resource : m.all()) {
            if (resource != namespace) {
                assertThat(resource.getMetadata().getNamespace()).as("%s namespace", resource.getMetadata().getName())
                        .isEqualTo(namespace.getMetadata().getName());
            }
        }
        Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        m.all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate()));
        m.all(StatefulSet.class).forEach(s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate()));
        pods.forEach((name, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podSecurity = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
            assertThat(pod.getAutomountServiceAccountToken()).as("%s mounts no API token", name).isFalse();
            for (Container c : pod.getContainers()) {
                SecurityContext security = c.getSecurityContext();
                assertThat(security).as("%s security context", name).isNotNull();
                assertThat(Objects.requireNonNullElse(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot()))
                        .as("%s runAsNonRoot", name).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", name).isFalse();
                assertThat(security.getCapabilities().getDrop()).as("%s drops capabilities", name).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as("%s adds no capability", name).isNullOrEmpty();
                String seccomp = security.getSeccompProfile() != null ? security.getSeccompProfile().getType()
                        : podSecurity.getSeccompProfile() != null ? podSecurity.getSeccompProfile().getType() : null;
                assertThat(seccomp).as("%s seccomp", name).isEqualTo("RuntimeDefault");
                assertThat(security.getPrivileged()).as("%s privileged", name).isNotEqualTo(Boolean.TRUE);
            }
        });
        for (App app : Platform.APPS) {
            assertThat(container(m, app).getSecurityContext().getReadOnlyRootFilesystem()).as("%s read-only root", app.name()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayReachesTheServicesAndTheIngressReachesOnlyTheGateway(String overlay) {
        Manifests m = manifests(overlay);
        List<NetworkPolicy> policies = m.all(NetworkPolicy.class);
        assertThat(policies).as("a default deny for every pod").anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        Map<String, String> gatewayLabels = podLabels(m, Platform.app("gateway"));
        for (App app : Platform.APPS) {
            Map<String, String> labels = podLabels(m, app);
            List<NetworkPolicyIngressRule> rules = policies.stream()
                    .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress"))
                    .filter(p -> selects(p.getSpec().getPodSelector(), labels))
                    .flatMap(p -> Objects.requireNonNullElse(p.getSpec().getIngress(), List.<NetworkPolicyIngressRule>of()).stream())
                    .toList();
            assertThat(rules).as("%s can be reached at all", app.name()).isNotEmpty();
            for (NetworkPolicyIngressRule rule : rules) {
                assertThat(rule.getPorts().stream().map(p -> p.getPort().getIntVal())).as("%s allowed ports", app.name())
                        .contains(app.port());
                if (app.isGateway()) {
                    continue;
                }
                assertThat(rule.getFrom()).as("%s: a rule without peers admits everyone", app.name()).isNotEmpty();
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getIpBlock()).as("%s peer", app.name()).isNull();
                    assertThat(peer.getNamespaceSelector()).as("%s peer", app.name()).isNull();
                    assertThat(peer.getPodSelector()).isNotNull();
                    assertThat(selects(peer.getPodSelector(), gatewayLabels)).as("%s admits the gateway", app.name()).isTrue();
                    for (App other : Platform.APPS) {
                        if (!other.isGateway()) {
                            assertThat(selects(peer.getPodSelector(), podLabels(m, other)))
                                    .as("%s admits %s", app.name(), other.name()).isFalse();
                        }
                    }
                }
            }
        }
        List<Ingress> ingresses = m.all(Ingress.class);
        assertThat(ingresses).hasSize(1);
        Service gateway = m.find(Service.class, "gateway").orElseThrow();
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
            IngressBackend backend = path.getBackend();
            assertThat(backend.getService().getName()).isEqualTo("gateway");
            assertThat(gateway.getSpec().getPorts()).anySatisfy(p -> {
                if (backend.getService().getPort().getName() != null) {
                    assertThat(p.getName()).isEqualTo(backend.getService().getPort().getName());
                } else {
                    assertThat(p.getPort()).isEqualTo(backend.getService().getPort().getNumber());
                }
                assertThat(p.getPort()).isEqualTo(Platform.app("gateway").port());
            });
        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void secretsAreGeneratedFromOperatorFilesThatGitIgnores(String overlay) throws IOException {
        Manifests m = manifests(overlay);
        for (Secret secret : m.all(Secret.class)) {
            assertThat(secret.getStringData()).isNullOrEmpty();
            secret.getData().forEach((key, value) -> assertThat(new String(Base64.getDecoder().decode(value)))
                    .as("%s/%s rendered from the committed example holds no secret", secret.getMetadata().getName(), key)
                    .isEmpty());
        }
        Path dir = K8S.resolve("overlays").resolve(overlay);
        assertThat(dir.resolve("secrets.env.example")).exists();
        List<String> ignored = Files.readAllLines(Platform.ROOT.resolve(".gitignore"));
        assertThat(ignored).contains("k8s/overlays/*/secrets.env");
    }

    @Test
    void noCommittedManifestHoldsASecret() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                assertThat(Platform.read(file)).as("%s declares a Secret (use a secretGenerator and an operator's file)", file)
                        .doesNotContainPattern("(?m)^kind:\\s*Secret\\s*$");
            }
        }
    }

    @Test
    void localRunsPostgresWithLogicalWalAndTheComposeInitScript() {
        Manifests m = manifests("local");
        StatefulSet postgres = m.find(StatefulSet.class, "postgres").orElseThrow();
        Container container = postgres.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(String.join(" ", container.getArgs())).contains("wal_level=logical");
        assertThat(container.getVolumeMounts()).anySatisfy(v -> assertThat(v.getMountPath()).isEqualTo("/var/lib/postgresql"));
        String initConfigMap = postgres.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        ConfigMap init = m.configMap(initConfigMap).orElseThrow();
        assertThat(init.getData().get("init-databases.sh"))
                .isEqualTo(Platform.read(Platform.ROOT.resolve("deploy/postgres/init-databases.sh")));
        StatefulSet kafka = m.find(StatefulSet.class, "kafka").orElseThrow();
        assertThat(kafka.getSpec().getTemplate().getSpec().getEnableServiceLinks())
                .as("no KAFKA_* service variables for the image to turn into broker settings").isFalse();
    }

    @Test
    void checkerRejectsUnknownKindsAndFields() {
        List<String> problems = new ArrayList<>();
        Manifests.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: x
                spec:
                  replicas: 1
                  templat: {}
                ---
                apiVersion: example.com/v1
                kind: Widget
                metadata:
                  name: y
                """, problems);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).contains("templat");
        assertThat(problems.get(1)).contains("unknown kind example.com/v1/Widget");
    }

    // --- rendering and lookups ---------------------------------------------------------------------

    private static Manifests manifests(String overlay) {
        return RENDERED.computeIfAbsent(overlay, o -> {
            List<String> problems = new ArrayList<>();
            Manifests parsed = Manifests.parse(render(o), problems);
            assertThat(problems).as("overlay %s", o).isEmpty();
            return parsed;
        });
    }

    private static final Map<String, String> YAML = new ConcurrentHashMap<>();

    /** Renders a copy of k8s/ where every *.example is the operator's file: real secrets never take part. */
    private static String render(String overlay) {
        return YAML.computeIfAbsent(overlay, o -> {
            Path kubectl = Tools.require("kubectl", "apt-get install -y kubernetes-client");
            try {
                Path copy = Files.createTempDirectory("k8s-render");
                try (Stream<Path> files = Files.walk(K8S)) {
                    for (Path source : files.toList()) {
                        Path target = copy.resolve(K8S.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else if (source.getFileName().toString().endsWith(".example")) {
                            String real = target.getFileName().toString().replaceFirst("\\.example$", "");
                            Files.copy(source, target.resolveSibling(real), StandardCopyOption.REPLACE_EXISTING);
                        } else if (!source.getFileName().toString().equals("secrets.env")) {
                            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Tools.Result result = Tools.run(copy, Map.of(), List.of(kubectl.toString(), "kustomize", "overlays/" + o));
                assertThat(result.exitCode()).as("kubectl kustomize overlays/%s:\n%s", o, result.stderr()).isZero();
                return result.stdout();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Deployment deployment(Manifests m, App app) {
        return m.find(Deployment.class, app.name()).orElseThrow(() -> new AssertionError("no Deployment " + app.name()));
    }

    private static Container container(Manifests m, App app) {
        List<Container> containers = deployment(m, app).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as("%s containers", app.name()).hasSize(1);
        return containers.get(0);
    }

    private static Map<String, String> podLabels(Manifests m, App app) {
        return deployment(m, app).getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The container's variables with their rendered values; every reference must resolve. */
    private static Map<String, String> environment(Manifests m, App app, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar var : container.getEnv()) {
            assertThat(env).as("%s sets %s twice", app.name(), var.getName()).doesNotContainKey(var.getName());
            EnvVarSource from = var.getValueFrom();
            if (from == null) {
                env.put(var.getName(), var.getValue());
            } else if (from.getConfigMapKeyRef() != null) {
                var ref = from.getConfigMapKeyRef();
                ConfigMap cm = m.configMap(ref.getName()).orElseThrow(() -> new AssertionError(
                        app.name() + " " + var.getName() + ": no ConfigMap " + ref.getName()));
                assertThat(cm.getData()).as("%s %s: key %s", app.name(), var.getName(), ref.getKey()).containsKey(ref.getKey());
                env.put(var.getName(), cm.getData().get(ref.getKey()));
            } else if (from.getSecretKeyRef() != null) {
                var ref = from.getSecretKeyRef();
                Secret secret = m.secret(ref.getName()).orElseThrow(() -> new AssertionError(
                        app.name() + " " + var.getName() + ": no Secret " + ref.getName()));
                if (!Boolean.TRUE.equals(ref.getOptional())) {
                    assertThat(secret.getData()).as("%s %s: key %s", app.name(), var.getName(), ref.getKey()).containsKey(ref.getKey());
                }
                env.put(var.getName(), "<secret>");
            } else {
                throw new AssertionError(app.name() + " " + var.getName() + ": unsupported value source " + from);
            }
        }
        return env;
    }

    private static void assertProbe(App app, Container container, Probe probe, String path) {
        assertThat(probe).as("%s probe for %s", app.name(), path).isNotNull();
        assertThat(probe.getHttpGet()).as("%s probe for %s", app.name(), path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as("%s probe", app.name()).isEqualTo(path);
        assertThat(resolvePort(probe.getHttpGet().getPort(), container)).as("%s probe port", app.name()).isEqualTo(app.port());
    }

    private static int resolvePort(IntOrString port, Container container) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName())).findFirst()
                .map(ContainerPort::getContainerPort)
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("this check reads matchLabels only").isNullOrEmpty();
        Map<String, String> match = Objects.requireNonNullElse(selector.getMatchLabels(), Map.of());
        return labels.entrySet().containsAll(match.entrySet());
    }

}
