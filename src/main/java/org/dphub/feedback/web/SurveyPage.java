package org.dphub.feedback.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.feedback.AnswerInput;
import org.dphub.feedback.Feedback;
import org.dphub.feedback.Round;
import org.dphub.feedback.Stage;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The survey for someone a round invites: whether to answer with their name (said plainly before
 * they answer), then for each stage a rating and what is working and what is not. Fields are named
 * {@code planning.rating}, {@code planning.working}, {@code planning.notWorking} (the API's names too).
 * Staff of the council whom the round does not invite are taken to its results.
 */
@Controller
class SurveyPage {

    /** A stage as the form shows it: its key, its name, and what was typed. */
    record StageForm(String key, String name, String rating, String working, String notWorking) {
    }

    private final Feedback feedback;
    private final MessageSource messages;

    SurveyPage(Feedback feedback, MessageSource messages) {
        this.feedback = feedback;
        this.messages = messages;
    }

    @GetMapping("/feedback/rounds/{id}")
    String survey(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String done, Model model, Locale locale) {
        Round round = feedback.round(user, id).orElseThrow(NotFound::new);
        if (feedback.invitedAs(user, round).isEmpty()) {
            return "redirect:/feedback/rounds/" + id + "/results";
        }
        model.addAttribute("done", done);
        return show(model, user, round, null, new AnswerInput(null, Map.of()), new FormErrors(messages, locale), locale);
    }

    @PostMapping("/feedback/rounds/{id}")
    String answer(SignedInUser user, @PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  Locale locale) {
        Round round = feedback.round(user, id).orElseThrow(NotFound::new);
        Map<Stage, AnswerInput.StageInput> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, new AnswerInput.StageInput(params.getFirst(stage.key() + ".rating"), params.getFirst(stage.key() + ".working"),
                    params.getFirst(stage.key() + ".notWorking")));
        }
        AnswerInput input = new AnswerInput(params.getFirst("anonymous"), stages);
        FormErrors errors = new FormErrors(messages, locale);
        if (!feedback.answer(user, id, input, errors)) {
            return show(model, user, round, null, input, errors, locale);
        }
        return "redirect:/feedback/rounds/" + id + "?done=thanks";
    }

    private String show(Model model, SignedInUser user, Round round, String unused, AnswerInput input, FormErrors errors, Locale locale) {
        List<StageForm> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            AnswerInput.StageInput typed = input.stages().get(stage);
            stages.add(new StageForm(stage.key(), messages.getMessage("feedback.stage." + stage.key(), null, locale),
                    typed == null ? null : typed.rating(), typed == null ? "" : typed.working(), typed == null ? "" : typed.notWorking()));
        }
        model.addAttribute("round", round);
        model.addAttribute("title", round.title(locale));
        model.addAttribute("state", round.state(feedback.today()).name());
        model.addAttribute("answered", feedback.hasAnswered(user, round.id()));
        model.addAttribute("kind", feedback.invitedAs(user, round).orElseThrow().key());
        model.addAttribute("stages", stages);
        model.addAttribute("anonymous", input.anonymous());
        model.addAttribute("ratings", List.of("5", "4", "3", "2", "1"));
        model.addAttribute("yesNo", List.of("yes", "no"));
        model.addAttribute("most", Feedback.MOST_TEXT);
        model.addAttribute("countToken", "%{count}");
        model.addAttribute("errors", errors);
        return "feedback/survey";
    }
}
