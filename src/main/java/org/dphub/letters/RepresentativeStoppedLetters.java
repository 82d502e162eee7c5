package org.dphub.letters;

import java.util.Map;
import org.dphub.people.Citizens;
import org.dphub.people.RepresentativeStopped;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A representative no longer acts for a person: the person gets a REPRESENTATIVE_ENDED letter, in their
 * language, the way they prefer, naming who stopped and from when, and saying how to ask for someone
 * else. Runs after the change commits, from Spring Modulith's event publication registry in
 * PostgreSQL; the letter's key (the representative) makes a redelivered event write nothing twice.
 * Here rather than in {@code people}, which {@code letters} depends on.
 */
@Component
class RepresentativeStoppedLetters {

    private final Letters letters;
    private final Citizens citizens;

    RepresentativeStoppedLetters(Letters letters, Citizens citizens) {
        this.letters = letters;
        this.citizens = citizens;
    }

    @ApplicationModuleListener
    void on(RepresentativeStopped stopped) {
        citizens.representativeForTheCouncil(stopped.councilId(), stopped.representativeId()).ifPresent(representative ->
                letters.sendOnce(stopped.councilId(), stopped.citizenId(), LetterKind.REPRESENTATIVE_ENDED,
                        Map.of("representative", representative.name(), "date", stopped.endedOn().toString()),
                        "representative-ended:" + stopped.representativeId()));
    }
}
