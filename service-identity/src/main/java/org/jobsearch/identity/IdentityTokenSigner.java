package org.jobsearch.identity;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Signs the identity token the gateway puts on every forwarded request: an HS256 JWT with
 * {@code sub} = user id, {@code name}, {@code roles}, {@code iss}, {@code aud}, {@code iat} and
 * {@code exp} = now + {@link IdentityProperties#tokenTtl()}. Thread-safe.
 */
public final class IdentityTokenSigner {

    /** Claim names shared with {@link IdentityTokenVerifier}. */
    static final String NAME_CLAIM = "name";
    static final String ROLES_CLAIM = "roles";

    private final IdentityProperties properties;
    private final JwtEncoder encoder;
    private final String keyId;
    private final Clock clock;

    public IdentityTokenSigner(IdentityProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With an explicit clock, so tests can mint tokens that are already expired. */
    public IdentityTokenSigner(IdentityProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyId = IdentityProperties.keyId(properties.secretKey());
        // the key carries its id, so the header's kid selects it (verifiers use the kid during a rotation)
        OctetSequenceKey jwk = new OctetSequenceKey.Builder(properties.secretKey())
                .keyID(keyId).algorithm(JWSAlgorithm.HS256).keyUse(KeyUse.SIGNATURE).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    public String sign(CurrentUser user) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .subject(user.id().toString())
                .claim(NAME_CLAIM, user.name())
                // sorted, so the same user always yields the same claim (easier to read in logs and tests)
                .claim(ROLES_CLAIM, user.roles().stream().sorted().toList())
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").keyId(keyId).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
