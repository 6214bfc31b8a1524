package org.jobsearch.gateway.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    private static final Duration FLUSH_EVERY = Duration.ofSeconds(5);

    @Bean
    ApiTokenCache apiTokenCache(ApiTokenProperties properties) {
        return new ApiTokenCache(properties.cacheTtl(), Clock.systemUTC());
    }

    /** Writes waiting token uses every few seconds (each token at most once a minute), and once more at shutdown. */
    @Bean
    ApiTokenUses apiTokenUses(JdbcClient jdbc) {
        return new ApiTokenUses((tokenId, usedAt) -> jdbc
                // greatest() ignores null, and never moves the time back (another instance may have written a later use)
                .sql("update api_token set last_used_at = greatest(last_used_at, :usedAt) where id = :id")
                .param("id", tokenId)
                .param("usedAt", Timestamp.from(usedAt))
                .update(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    ApiTokenUses.Flusher apiTokenUsesFlusher(ApiTokenUses uses) {
        return uses.startFlushing(FLUSH_EVERY);
    }

    /**
     * bcrypt today, stored with its {@code {id}} prefix, so after a change of default (argon2,
     * ...) the hashes already stored still verify.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new AtMost72Bytes(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * bcrypt reads only a password's first 72 bytes, so "the right password followed by anything" would match too.
     * No stored password is longer ({@link AccountService#MAX_PASSWORD_BYTES}): a longer one never matches.
     */
    private record AtMost72Bytes(PasswordEncoder delegate) implements PasswordEncoder {

        @Override
        public String encode(CharSequence rawPassword) {
            return delegate.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return rawPassword != null
                    && rawPassword.toString().getBytes(StandardCharsets.UTF_8).length <= AccountService.MAX_PASSWORD_BYTES
                    && delegate.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return delegate.upgradeEncoding(encodedPassword);
        }
    }
}
