package org.dphub.rights.internal;

import org.dphub.rights.PersonalDataRights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When dphub starts on a database a restore from a backup replaced (issue 17), it carries out again the
 * erasures of PAs who registered with no council and left the register themselves, which the restore
 * undid: no council's DP team sees them, and until then their profile is back on the register and their
 * sign-in works. The council's own are shown to its DP team ("Erasures to carry out again"). Each instance
 * does this as it starts; the second finds each done (the erasure is held and checked in its transaction).
 */
@Component
class UndoneErasuresAtStart {

    private static final Logger LOG = LoggerFactory.getLogger(UndoneErasuresAtStart.class);

    private final PersonalDataRights rights;

    UndoneErasuresAtStart(PersonalDataRights rights) {
        this.rights = rights;
    }

    @EventListener(ApplicationReadyEvent.class)
    void carryOutAgain() {
        int done = rights.carryOutAgainWhatPasDidThemselves();
        if (done > 0) {
            LOG.info("Carried out again {} erasures of PAs who left the register themselves, which a restore from a backup undid", done);
        }
    }
}
