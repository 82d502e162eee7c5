package org.dphub.letters;

import java.util.Map;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.RepresentativeStopped;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A representative no longer acts for a person: the person gets a REPRESENTATIVE_ENDED letter, in their
 * language, the way they prefer, naming who stopped and from when, and saying how to ask for someone
 * else; and the one who stopped gets a REPRESENTATIVE_STOPPED letter by email (the one recorded for them, else the
 * one they sign in with; none when they have neither), in their sign-in's language, saying from when, that they no longer see the person's records, and how to
 * ask for their own details to be erased. Runs after the change commits, from Spring Modulith's event
 * publication registry in PostgreSQL; each letter's key (the representative) makes a redelivered event
 * write nothing twice. Here rather than in {@code people}, which {@code letters} depends on.
 */
@Component
class RepresentativeStoppedLetters {

    private final Letters letters;
    private final Citizens citizens;
    private final UserAccounts accounts;

    RepresentativeStoppedLetters(Letters letters, Citizens citizens, UserAccounts accounts) {
        this.letters = letters;
        this.citizens = citizens;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(RepresentativeStopped stopped) {
        citizens.representativeForTheCouncil(stopped.councilId(), stopped.representativeId()).ifPresent(representative -> {
            letters.sendOnce(stopped.councilId(), stopped.citizenId(), LetterKind.REPRESENTATIVE_ENDED,
                    Map.of("representative", representative.name(), "date", stopped.endedOn().toString()),
                    "representative-ended:" + stopped.representativeId());
            Long user = representative.userId();
            String language = user == null ? null : accounts.preferredLanguage(user).orElse(null);
            // the email recorded for them, else the one they sign in with
            String email = representative.email() != null ? representative.email()
                    : user == null ? null : accounts.signInEmail(user).orElse(null);
            letters.sendOnceToRepresentative(stopped.councilId(), new Letters.RepresentativeReader(representative.id(),
                            stopped.citizenId(), representative.name(), email, language),
                    LetterKind.REPRESENTATIVE_STOPPED, Map.of("date", stopped.endedOn().toString()),
                    "representative-stopped:" + stopped.representativeId());
        });
    }
}
