package org.jobsearch.gateway.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.nio.charset.StandardCharsets;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

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
