package org.dphub.feedback;

import java.util.Map;
import org.dphub.feedback.internal.FeedbackRepository;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A round that invites holders writes each of the council's direct payment holders a
 * FEEDBACK_INVITED letter (or email or text, as they prefer, in their language) through
 * {@code letters}. Runs after the round commits, from Spring Modulith's event registry in
 * PostgreSQL, so starting a round stays quick for a council with thousands of holders; each
 * letter's key (round, person) makes a redelivered event write nothing twice.
 *
 * <p>Letters go to citizens only: representatives, PAs and staff are invited on their home page.
 */
@Component
class InvitationLetters {

    private final FeedbackRepository repository;
    private final Letters letters;
    private final String publicUrl;

    InvitationLetters(FeedbackRepository repository, Letters letters, @Value("${dphub.public-url:http://localhost:8080}") String publicUrl) {
        this.repository = repository;
        this.letters = letters;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @ApplicationModuleListener
    void on(FeedbackRoundStarted started) {
        Round round = repository.round(started.roundId()).orElseThrow();
        int written = 0;
        if (round.invites(RoleKind.HOLDER)) {
            for (long citizen : repository.holders(round.councilId())) {
                boolean wrote = letters.sendOnce(round.councilId(), citizen, LetterKind.FEEDBACK_INVITED, Map.of(
                                "opens", round.opensOn().toString(),
                                "closes", round.closesOn().toString(), "link", publicUrl + "/feedback/rounds/" + round.id()),
                        "feedback-round:" + round.id() + ":citizen:" + citizen).isPresent();
                written += wrote ? 1 : 0;
            }
        }
        repository.lettersWritten(round.id(), written);
    }
}
