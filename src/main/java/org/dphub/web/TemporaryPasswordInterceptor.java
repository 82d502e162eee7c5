package org.dphub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.dphub.shared.SignedInUser;
import org.springframework.web.servlet.HandlerInterceptor;

/** Someone signed in with a temporary password can do nothing until they have chosen their own. */
class TemporaryPasswordInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        SignedInUser user = CurrentUser.orNull();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user != null && user.mustChangePassword() && !path.startsWith("/account/password")
                && !path.startsWith("/api/") && !path.equals("/error")) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return false;
        }
        return true;
    }
}
