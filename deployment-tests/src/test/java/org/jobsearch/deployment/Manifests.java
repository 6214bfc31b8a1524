package org.jobsearch.deployment;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.yaml.snakeyaml.Yaml;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered manifests parsed into fabric8's Kubernetes model, strictly: fabric8 alone keeps unknown kinds
 * (as generic resources) and unknown fields (in {@code additionalProperties}) without complaint, so a kind
 * it has not registered and any field that landed in {@code additionalProperties} count as errors.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> resources;

    private Manifests(List<HasMetadata> resources) {
        this.resources = resources;
    }

    /** Parses multi-document YAML; any unknown kind or field is reported in {@code problems}. */
    static Manifests parse(String yaml, List<String> problems) {
        List<HasMetadata> resources = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?> map)) {
                problems.add("not a manifest: " + document);
                continue;
            }
            String apiVersion = String.valueOf(map.get("apiVersion"));
            String kind = String.valueOf(map.get("kind"));
            Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
            String where = kind + " " + (map.get("metadata") instanceof Map<?, ?> m ? m.get("name") : "?");
            if (type == null) {
                problems.add(where + ": unknown kind " + apiVersion + "/" + kind);
                continue;
            }
            KubernetesResource parsed;
            try {
                parsed = SERIALIZATION.convertValue(document, type);
            } catch (RuntimeException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            unknownFields(parsed, where, problems, new IdentityHashMap<>(), 0);
            if (parsed instanceof HasMetadata resource) {
                resources.add(resource);
            } else {
                problems.add(where + ": not a top-level resource");
            }
        }
        return new Manifests(resources);
    }

    List<HasMetadata> all() {
        return resources;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    /** By the name a reference uses (kustomize has already appended the generators' content hash to both). */
    Optional<ConfigMap> configMap(String name) {
        return find(ConfigMap.class, name);
    }

    Optional<Secret> secret(String name) {
        return find(Secret.class, name);
    }

    /** Walks the parsed model and reports every non-empty {@code getAdditionalProperties()}. */
    private static void unknownFields(Object node, String path, List<String> problems, Map<Object, Boolean> seen, int depth) {
        if (node == null || depth > 40) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen, depth + 1));
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen, depth + 1);
            }
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.") || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class || !name.startsWith("get") || name.equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (name.equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
            unknownFields(value, path + "." + property, problems, seen, depth + 1);
        }
    }
}
