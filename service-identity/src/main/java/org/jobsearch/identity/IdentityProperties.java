package org.jobsearch.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * The identity token shared by the gateway (which signs it) and the services (which verify it),
 * under {@code jobsearch.identity}. Checked in the constructor, so a bad setting stops the
 * application at start-up with a message naming the property.
 *
 * @param signingKey the HMAC key, base64 (standard or URL-safe), at least 32 bytes once decoded;
 *                   the same value in the gateway and every service
 * @param issuer     the {@code iss} the gateway writes and services require
 * @param audience   the {@code aud} the gateway writes and services require
 * @param tokenTtl   how long a forwarded token is valid; one request needs seconds at most
 * @param mode       {@value #SERVICE_MODE}: this application verifies tokens (resource server);
 *                   {@value #GATEWAY_MODE}: it signs them and brings its own security
 * @param previousSigningKeys keys still accepted when verifying, during a rotation: services
 *                   list the new key as {@code signing-key} and the old one here, then the gateway
 *                   switches to the new key, then the old one is removed (see the README)
 * @param publicPaths extra path patterns (Spring {@code PathPattern}, e.g. {@code /api/tracker/calendar/*.ics})
 *                   a service answers without an identity token, for callers that cannot sign in; empty by
 *                   default. Such an endpoint authenticates the caller itself (e.g. by a secret in the URL). The
 *                   admin paths stay admin-only even if a pattern matches them
 */
@ConfigurationProperties("jobsearch.identity")
public record IdentityProperties(
        String signingKey,
        @DefaultValue(DEFAULT_ISSUER) String issuer,
        @DefaultValue(DEFAULT_AUDIENCE) String audience,
        @DefaultValue("5m") Duration tokenTtl,
        @DefaultValue(SERVICE_MODE) String mode,
        List<String> previousSigningKeys,
        List<String> publicPaths) {

    public static final String SERVICE_MODE = "service";
    public static final String GATEWAY_MODE = "gateway";
    static final String DEFAULT_ISSUER = "jobsearch-gateway";
    static final String DEFAULT_AUDIENCE = "jobsearch-services";

    /** HS256 needs a key at least as long as its output (RFC 7518, section 3.2). */
    static final int MIN_KEY_BYTES = 32;

    @ConstructorBinding
    public IdentityProperties {
        if (signingKey == null || signingKey.isBlank()) {
            throw new IllegalArgumentException("jobsearch.identity.signing-key (env JOBSEARCH_IDENTITY_SIGNING_KEY) is required: "
                    + "a base64 value of at least " + MIN_KEY_BYTES + " random bytes, e.g. from `openssl rand -base64 32`");
        }
        checkLength("jobsearch.identity.signing-key", signingKey);
        previousSigningKeys = previousSigningKeys == null ? List.of()
                : previousSigningKeys.stream().filter(key -> key != null && !key.isBlank()).map(String::trim).toList();
        for (String previous : previousSigningKeys) {
            checkLength("jobsearch.identity.previous-signing-keys", previous);
        }
        publicPaths = publicPaths == null ? List.of()
                : publicPaths.stream().filter(path -> path != null && !path.isBlank()).map(String::trim).toList();
        for (String path : publicPaths) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("jobsearch.identity.public-paths entries must start with '/', was '"
                        + path + "'");
            }
        }
        issuer = issuer == null || issuer.isBlank() ? DEFAULT_ISSUER : issuer;
        audience = audience == null || audience.isBlank() ? DEFAULT_AUDIENCE : audience;
        tokenTtl = tokenTtl == null ? Duration.ofMinutes(5) : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("jobsearch.identity.token-ttl must be positive, was " + tokenTtl);
        }
        mode = mode == null || mode.isBlank() ? SERVICE_MODE : mode.trim().toLowerCase(Locale.ROOT);
        if (!Set.of(SERVICE_MODE, GATEWAY_MODE).contains(mode)) {
            throw new IllegalArgumentException("jobsearch.identity.mode must be '" + SERVICE_MODE + "' or '" + GATEWAY_MODE
                    + "', was '" + mode + "'");
        }
    }

    /** The settings without rotation. */
    public IdentityProperties(String signingKey, String issuer, String audience, Duration tokenTtl, String mode) {
        this(signingKey, issuer, audience, tokenTtl, mode, List.of(), List.of());
    }

    /** The settings without public paths. */
    public IdentityProperties(String signingKey, String issuer, String audience, Duration tokenTtl, String mode,
                              List<String> previousSigningKeys) {
        this(signingKey, issuer, audience, tokenTtl, mode, previousSigningKeys, List.of());
    }

    /** Convenience for tests and tools: the defaults with the given key. */
    public static IdentityProperties withSigningKey(String signingKey) {
        return new IdentityProperties(signingKey, null, null, null, null, List.of(), List.of());
    }

    /** The decoded key as an HMAC-SHA256 key: what the gateway signs with. */
    public SecretKey secretKey() {
        return new SecretKeySpec(decode(signingKey), "HmacSHA256");
    }

    /** Every key a token may be signed with: the current one first, then those being rotated out. */
    public List<SecretKey> verificationKeys() {
        List<SecretKey> keys = new ArrayList<>();
        keys.add(secretKey());
        previousSigningKeys.forEach(key -> keys.add(new SecretKeySpec(decode(key), "HmacSHA256")));
        return List.copyOf(keys);
    }

    /** A short, non-secret name of a key, sent as the token's {@code kid} so verifiers pick the key at once. */
    public static String keyId(SecretKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void checkLength(String property, String key) {
        int length = decode(key).length;
        if (length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(property + " decodes to " + length + " bytes; HS256 needs at least "
                    + MIN_KEY_BYTES + " (e.g. `openssl rand -base64 32`)");
        }
    }

    private static byte[] decode(String key) {
        String value = key.trim();
        try {
            // URL-safe keys (-, _) are accepted too: both alphabets appear in generated secrets
            return Base64.getDecoder().decode(value.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("jobsearch.identity.signing-key is not valid base64: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        // never print the key (configuration dumps, failure analysis)
        return "IdentityProperties[signingKey=******, previousSigningKeys=" + previousSigningKeys.size()
                + " hidden, issuer=" + issuer + ", audience=" + audience + ", tokenTtl=" + tokenTtl + ", mode=" + mode + ", publicPaths=" + publicPaths + "]";
    }
}
