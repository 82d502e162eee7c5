package org.dphub.people.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/citizens")
@Tag(name = "People")
class CitizenApiController {

    record CitizenJson(long id, String reference, String givenName, String familyName, LocalDate dateOfBirth,
                       String postcode, String preferredLanguage, String contactPreference, String communicationNeeds) {
        static CitizenJson of(Citizen c) {
            return new CitizenJson(c.id(), c.reference(), c.givenName(), c.familyName(), c.dateOfBirth(),
                    c.postcode().value(), c.preferredLanguage(), c.contactPreference().name(), c.communicationNeeds());
        }
    }

    record CitizenPage(List<CitizenJson> citizens, long total, int page, int pageSize) {
    }

    private final Citizens citizens;

    CitizenApiController(Citizens citizens) {
        this.citizens = citizens;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One citizen: for their council's staff, themself, and those who act for them")
    CitizenJson get(SignedInUser user, @PathVariable long id) {
        return citizens.find(user, id).map(CitizenJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Search your council's citizens by name or reference (page from 0)")
    CitizenPage search(SignedInUser staff, @RequestParam(defaultValue = "") String q,
                       @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int pageSize) {
        int size = Math.min(Math.max(1, pageSize), 100);
        Citizens.Page result = citizens.search(staff, q, Math.max(0, page), size);
        return new CitizenPage(result.citizens().stream().map(CitizenJson::of).toList(), result.total(),
                result.page(), result.pageSize());
    }
}
