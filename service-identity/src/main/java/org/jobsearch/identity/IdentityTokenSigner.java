package org.jobsearch.identity;

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
    private final Clock clock;

    public IdentityTokenSigner(IdentityProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With an explicit clock, so tests can mint tokens that are already expired. */
    public IdentityTokenSigner(IdentityProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.encoder = NimbusJwtEncoder.withSecretKey(properties.secretKey()).algorithm(MacAlgorithm.HS256).build();
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
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
