package org.dphub.monitoring.web;

import java.util.Locale;
import org.dphub.monitoring.Questions;
import org.dphub.payments.Accounts;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff ask a question about an account; the person answers it online from "Your spending". */
@Controller
class QuestionPages {

    private final Questions questions;
    private final Accounts accounts;
    private final MessageSource messages;

    QuestionPages(Questions questions, Accounts accounts, MessageSource messages) {
        this.questions = questions;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/accounts/{id}/questions")
    String list(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "false") boolean asked, Model model,
                Locale locale) {
        return show(staff, id, model, "", asked, new FormErrors(messages, locale));
    }

    @PostMapping("/accounts/{id}/questions")
    String ask(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String question, Model model,
               Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String text = errors.text("question", question, 2000, true, "questions.label.question");
        if (!errors.isEmpty()) {
            return show(staff, id, model, question, false, errors);
        }
        questions.ask(staff, id, text);
        return "redirect:/accounts/" + id + "/questions?asked=true";
    }

    private String show(SignedInUser staff, long id, Model model, String question, boolean asked, FormErrors errors) {
        model.addAttribute("s", accounts.find(staff, id).filter(s -> staff.isStaffOf(s.account().councilId())).orElseThrow(NotFound::new));
        model.addAttribute("questions", questions.forAccount(staff, id));
        model.addAttribute("question", question);
        model.addAttribute("asked", asked);
        model.addAttribute("errors", errors);
        return "monitoring/questions";
    }

    @GetMapping("/my-spending/questions/{id}")
    String answerForm(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        return showAnswer(user, id, model, "", new FormErrors(messages, locale));
    }

    @PostMapping("/my-spending/questions/{id}")
    String answer(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String answer, Model model,
                  Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String text = errors.text("answer", answer, 4000, true, "questions.label.answer");
        if (!errors.isEmpty()) {
            return showAnswer(user, id, model, answer, errors);
        }
        try {
            questions.answer(user, id, text);
        } catch (Conflict alreadyAnswered) {
            // answered a moment ago (another tab, or the person they act for): the list shows the answer
        }
        return "redirect:/my-spending?answered=true";
    }

    private String showAnswer(SignedInUser user, long id, Model model, String answer, FormErrors errors) {
        model.addAttribute("q", questions.find(user, id).orElseThrow(NotFound::new));
        model.addAttribute("answer", answer);
        model.addAttribute("errors", errors);
        return "monitoring/answer";
    }
}
