package org.dphub.web;

import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where everyone lands after signing in: what they can do here, for each role they hold. */
@Controller
class HomePage {

    @GetMapping("/home")
    String home(SignedInUser user, Model model) {
        model.addAttribute("user", user);
        return "home";
    }
}
