package org.dphub.plans.web;

import java.util.List;
import org.dphub.plans.ServiceFundProviders;
import org.springframework.stereotype.Component;

/**
 * The providers the plan form offers for a budget line taken as an individual service fund (issue 18):
 * the organisations listed in the council's directory. The template reads them as
 * {@code @isfProviderChoices.listed(councilId)}.
 */
@Component("isfProviderChoices")
class IsfProviderChoices {

    private final List<ServiceFundProviders> directory;

    IsfProviderChoices(List<ServiceFundProviders> directory) {
        this.directory = directory;
    }

    public List<ServiceFundProviders.Listed> listed(long councilId) {
        return directory.isEmpty() ? List.of() : directory.get(0).listed(councilId);
    }
}
