package org.dphub.marketplace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Profiles saved before matching existed have no sector centre: SQL alone cannot place them (the
 * centres are reference data in the application), so they are placed once at start-up.
 */
@Component
class OlderProfilesPlaced implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OlderProfilesPlaced.class);

    private final PaProfiles profiles;

    OlderProfilesPlaced(PaProfiles profiles) {
        this.profiles = profiles;
    }

    @Override
    public void run(ApplicationArguments args) {
        int placed = profiles.placeOlderProfiles();
        if (placed > 0) {
            log.info("Placed {} older PA profiles at their postcode sector centres for matching", placed);
        }
    }
}
