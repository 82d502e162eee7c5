package org.dphub.monitoring.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.dphub.monitoring.Questions;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring")
class QuestionApiController {

    record AskJson(String question) {
    }

    record AnswerJson(String answer) {
    }

    private final Questions questions;
    private final MessageSource messages;

    QuestionApiController(Questions questions, MessageSource messages) {
        this.questions = questions;
        this.messages = messages;
    }

    @PostMapping("/api/v1/accounts/{id}/questions")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Ask the person a question in plain words: they get a friendly letter and answer online")
    ResponseEntity<Questions.Question> ask(SignedInUser staff, @PathVariable long id, @RequestBody AskJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String question = errors.text("question", body.question(), 2000, true, "questions.label.question");
        errors.throwIfAny();
        Questions.Question asked = questions.ask(staff, id, question);
        return ResponseEntity.created(URI.create("/api/v1/questions/" + asked.id())).body(asked);
    }

    @GetMapping("/api/v1/accounts/{id}/questions")
    @Operation(summary = "Questions about an account and their answers, newest first")
    List<Questions.Question> forAccount(SignedInUser user, @PathVariable long id) {
        return questions.forAccount(user, id);
    }

    @PostMapping("/api/v1/questions/{id}/answer")
    @Operation(summary = "The person (or their representative) answers a question, once")
    ResponseEntity<Questions.Question> answer(SignedInUser user, @PathVariable long id, @RequestBody AnswerJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String answer = errors.text("answer", body.answer(), 4000, true, "questions.label.answer");
        errors.throwIfAny();
        return ResponseEntity.status(201).body(questions.answer(user, id, answer));
    }
}
