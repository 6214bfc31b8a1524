package org.jobsearch.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jobsearch.gateway.account.AccountService;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Form login and HTTP Basic both authenticate against the gateway's own accounts. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    private final AccountService accounts;
    private final LoginAttemptGuard guard;

    AccountUserDetailsService(AccountService accounts, LoginAttemptGuard guard) {
        this.accounts = accounts;
        this.guard = guard;
    }

    /** A locked name/address pair gets a locked user: Spring Security refuses it before checking the password. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        boolean locked = guard.isLocked(username, remoteAddress());
        return accounts.findByUsername(username)
                .map(account -> new SignedInUser(account, locked))
                .orElseThrow(() -> new UsernameNotFoundException("no account named " + username));
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "unknown";
    }
}
