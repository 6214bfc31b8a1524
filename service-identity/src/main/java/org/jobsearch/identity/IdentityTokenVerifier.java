package org.jobsearch.identity;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTParser;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.SecretKey;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies identity tokens: HS256 signature with the shared key, {@code iss}, {@code aud},
 * {@code exp} (required), a UUID {@code sub}, a {@code name} and known {@code roles}. Services get
 * its {@link #decoder()} as their resource-server {@link JwtDecoder}; tests use {@link #verify}.
 */
public final class IdentityTokenVerifier {

    private static final Set<String> KNOWN_ROLES = Set.of(CurrentUser.USER, CurrentUser.ADMIN);

    private final JwtDecoder decoder;

    public IdentityTokenVerifier(IdentityProperties properties) {
        Map<String, JwtDecoder> byKeyId = new LinkedHashMap<>();
        for (SecretKey key : properties.verificationKeys()) {
            byKeyId.put(IdentityProperties.keyId(key), decoderFor(key, properties));
        }
        this.decoder = byKeyId.size() == 1 ? byKeyId.values().iterator().next() : new RotatingDecoder(byKeyId);
    }

    private static JwtDecoder decoderFor(SecretKey key, IdentityProperties properties) {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        // a token without exp would be valid forever: the gateway always sets one
        timestamps.setAllowEmptyExpiryClaim(false);
        nimbus.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                IdentityTokenVerifier::validateIdentityClaims)));
        return nimbus;
    }

    /**
     * During a key rotation: picks the key by the token's {@code kid}; a token without one (or
     * with an unknown one) is tried against every accepted key, current first.
     */
    private record RotatingDecoder(Map<String, JwtDecoder> byKeyId) implements JwtDecoder {

        @Override
        public Jwt decode(String token) {
            String keyId = null;
            try {
                keyId = JWTParser.parse(token).getHeader() instanceof JWSHeader jws ? jws.getKeyID() : null;
            } catch (ParseException e) {
                throw new BadJwtException("malformed token: " + e.getMessage(), e);
            }
            JwtDecoder chosen = keyId == null ? null : byKeyId.get(keyId);
            if (chosen != null) {
                return chosen.decode(token);
            }
            JwtException last = null;
            for (JwtDecoder candidate : byKeyId.values()) {
                try {
                    return candidate.decode(token);
                } catch (JwtException e) {
                    last = e;
                }
            }
            throw last;
        }
    }

    public JwtDecoder decoder() {
        return decoder;
    }

    /** Decodes and validates a token, throwing {@link JwtException} when it is not acceptable. */
    public CurrentUser verify(String token) {
        return currentUser(decoder.decode(token));
    }

    /** The user named by an already validated token. */
    public static CurrentUser currentUser(Jwt jwt) {
        return new CurrentUser(UUID.fromString(jwt.getSubject()), jwt.getClaimAsString(IdentityTokenSigner.NAME_CLAIM),
                new HashSet<>(jwt.getClaimAsStringList(IdentityTokenSigner.ROLES_CLAIM)));
    }

    private static OAuth2TokenValidatorResult validateIdentityClaims(Jwt jwt) {
        try {
            UUID.fromString(jwt.getSubject());
        } catch (RuntimeException e) {
            return invalid("sub must be a user id (UUID)");
        }
        String name = jwt.getClaimAsString(IdentityTokenSigner.NAME_CLAIM);
        if (name == null || name.isBlank()) {
            return invalid("name claim is missing");
        }
        Object roles = jwt.getClaims().get(IdentityTokenSigner.ROLES_CLAIM);
        if (!(roles instanceof Collection<?> list) || list.isEmpty() || !KNOWN_ROLES.containsAll(list)) {
            return invalid("roles must be a non-empty subset of " + KNOWN_ROLES);
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
