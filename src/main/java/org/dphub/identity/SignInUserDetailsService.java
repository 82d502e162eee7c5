package org.dphub.identity;

import org.dphub.identity.internal.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

@Component
class SignInUserDetailsService implements UserDetailsService {

    private final UserRepository users;
    private final UserAccounts accounts;

    SignInUserDetailsService(UserRepository users, UserAccounts accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(stored -> new SignInUserDetails(accounts.signedInUser(stored), stored.passwordHash(), stored.enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
