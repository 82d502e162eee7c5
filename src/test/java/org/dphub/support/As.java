package org.dphub.support;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;

/** Runs a MockMvc request as a real stored user, with the same principal sign-in would give. */
public final class As {

    private final UserDetailsService users;

    public As(UserDetailsService users) {
        this.users = users;
    }

    public RequestPostProcessor user(String username) {
        return SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(username));
    }
}
