package org.dphub.directory;

import java.util.List;
import java.util.UUID;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;

/**
 * A service as its provider describes it, already read and checked field by field
 * ({@code directory.internal.ServiceInputRules}): postcode is null only for an online service,
 * travelKm is set only when it comes to you, cost is zero exactly when it is free.
 */
public record ServiceInput(String name, String description, Delivery delivery, Postcode postcode, Integer travelKm,
                           List<Schedule> schedules, Money cost, CostUnit costUnit, Integer minimumAge, Integer maximumAge,
                           List<String> languages, String accessibility, List<UUID> taxonomyTermIds, String url, String email) {

    public ServiceInput {
        schedules = List.copyOf(schedules);
        languages = List.copyOf(languages);
        taxonomyTermIds = List.copyOf(taxonomyTermIds);
    }
}
