package org.dphub.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dphub.shared.SignedInUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity")
class MeApiController {

    record Me(String username, String displayName, List<String> roles, String councilCode) {
    }

    @GetMapping("/me")
    @Operation(summary = "Who the credentials belong to: username, roles and council")
    Me me(SignedInUser user) {
        return new Me(user.username(), user.displayName(),
                user.roles().stream().map(Enum::name).sorted().toList(), user.councilCode());
    }
}
