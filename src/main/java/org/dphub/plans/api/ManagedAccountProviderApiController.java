package org.dphub.plans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.UUID;
import org.dphub.plans.ManagedAccountProviders;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Issue 18: the managed-account provider (payroll bureau) holding a managed-account direct payment. */
@RestController
@Tag(name = "Direct payments")
class ManagedAccountProviderApiController {

    record ProviderRequest(String organizationId, String name) {
    }

    record ProviderJson(long directPaymentId, UUID organizationId, String name, boolean listedInDirectory) {
        static ProviderJson of(ManagedAccountProviders.ManagedAccountProvider p) {
            return new ProviderJson(p.directPaymentId(), p.organizationId(), p.name(), p.organizationId() != null);
        }
    }

    private final ManagedAccountProviders providers;
    private final MessageSource messages;

    ManagedAccountProviderApiController(ManagedAccountProviders providers, MessageSource messages) {
        this.providers = providers;
        this.messages = messages;
    }

    @PutMapping("/api/v1/direct-payments/{id}/managed-account-provider")
    @Operation(summary = "Name the managed-account provider: organizationId (listed in the council's directory) or, if it is not listed, name")
    ProviderJson name(SignedInUser staff, @PathVariable long id, @RequestBody ProviderRequest body) {
        return ProviderJson.of(providers.name(staff, id, body.organizationId(), body.name(), new FormErrors(messages, Locale.ENGLISH)));
    }

    @GetMapping("/api/v1/direct-payments/{id}/managed-account-provider")
    @Operation(summary = "The managed-account provider named for a direct payment (404 when none is named)")
    ProviderJson get(SignedInUser user, @PathVariable long id) {
        return providers.find(user, id).map(ProviderJson::of).orElseThrow(NotFound::new);
    }
}
