package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.Introduction;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/introductions")
@Tag(name = "Marketplace")
class IntroductionApiController {

    record StatusJson(long id, String status) {
    }

    record IntroductionJson(long id, String status, String startedBy, String yourSide, long vacancyId, String vacancyTitle,
                            long profileId, String paDisplayName, Introductions.Contact employer, Introductions.Contact pa,
                            List<TrainingRecord> paTraining, Instant createdAt, Instant updatedAt) {
    }

    record MessageInputJson(String body) {
    }

    record MessageJson(long id, String from, String body, Instant sentAt) {
    }

    record HireInputJson(Object agreedHourlyRatePence, String startDate) {
    }

    record HireJson(long id, long introductionId, String status, long agreedHourlyRatePence, LocalDate startDate) {
    }

    private final Introductions introductions;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    IntroductionApiController(Introductions introductions, PostcodeDirectory postcodes, MessageSource messages) {
        this.introductions = introductions;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @GetMapping("/{id}")
    @Operation(summary = "An introduction as one side sees it; both sides' contact details only once CONNECTED")
    IntroductionJson get(SignedInUser user, @PathVariable long id) {
        Introductions.IntroductionView view = introductions.view(user, id);
        Introduction i = view.introduction();
        return new IntroductionJson(i.id(), i.status().name(), i.startedBy().name(), view.yourSide().name(), i.vacancyId(),
                view.vacancyTitle(), i.profileId(), view.paDisplayName(), view.employerContact(), view.paContact(),
                view.paTraining(), i.createdAt(), i.updatedAt());
    }

    @PostMapping("/{id}/acceptance")
    @Operation(summary = "The other side accepts: CONNECTED, and both see each other's contact details")
    StatusJson accept(SignedInUser user, @PathVariable long id) {
        return json(introductions.accept(user, id));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Either side declines")
    StatusJson decline(SignedInUser user, @PathVariable long id) {
        return json(introductions.decline(user, id));
    }

    @PostMapping("/{id}/block")
    @Operation(summary = "Either side blocks the other: no new introductions between them, and the PA leaves the person's matches")
    StatusJson block(SignedInUser user, @PathVariable long id) {
        return json(introductions.block(user, id));
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "Messages between the two sides, once CONNECTED")
    List<MessageJson> messages(SignedInUser user, @PathVariable long id) {
        return introductions.messages(user, id).stream().map(m -> new MessageJson(m.id(), m.from().name(), m.body(), m.sentAt()))
                .toList();
    }

    @PostMapping("/{id}/messages")
    @Operation(summary = "Send a message to the other side, once CONNECTED; messages stay in the app")
    ResponseEntity<MessageJson> send(SignedInUser user, @PathVariable long id, @RequestBody MessageInputJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        String text = input.text("body", body.body(), 4000, true, "marketplace.label.message", true);
        input.errors().throwIfAny();
        var m = introductions.send(user, id, text);
        return ResponseEntity.status(201).body(new MessageJson(m.id(), m.from().name(), m.body(), m.sentAt()));
    }

    @PostMapping("/{id}/hire")
    @Operation(summary = "The person's side hires the PA of a CONNECTED introduction: records the agreed rate and start date")
    ResponseEntity<HireJson> hire(SignedInUser user, @PathVariable long id, @RequestBody HireInputJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        var rate = input.rate("agreedHourlyRatePence", body.agreedHourlyRatePence());
        LocalDate start = input.errors().isoDate("startDate", body.startDate(), true, "marketplace.label.startDate");
        input.errors().throwIfAny();
        Introductions.Hire hire = introductions.hire(user, id, rate, start);
        return ResponseEntity.created(URI.create("/api/v1/introductions/" + id))
                .body(new HireJson(hire.id(), hire.introductionId(), "HIRED", hire.agreedHourlyRatePence(), hire.startDate()));
    }

    private static StatusJson json(Introduction introduction) {
        return new StatusJson(introduction.id(), introduction.status().name());
    }
}
