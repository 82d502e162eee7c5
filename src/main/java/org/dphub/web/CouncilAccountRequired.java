package org.dphub.web;

import org.springframework.security.core.AuthenticationException;

/**
 * A right password from a member of staff whose council has turned passwords off for staff
 * (issue 17): they sign in with their council account instead. Thrown by identity's password check
 * only <em>after</em> the password was found right (docs/SECURITY.md, V2: no oracle for anyone
 * without it); the sign-in page sends them to their council's provider, the API says to use an
 * API key.
 */
public final class CouncilAccountRequired extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final String councilCode;

    public CouncilAccountRequired(String councilCode) {
        super("Staff of this council sign in with their council account");
        this.councilCode = councilCode;
    }

    /** The council whose provider to use. */
    public String councilCode() {
        return councilCode;
    }
}
