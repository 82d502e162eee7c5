package org.dphub.peersupport.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.peersupport.Board;
import org.dphub.peersupport.ListView;
import org.dphub.peersupport.PeerSupport;
import org.dphub.peersupport.PersonalDataCheck;
import org.dphub.peersupport.Post;
import org.dphub.peersupport.QuestionList;
import org.dphub.peersupport.QuestionThread;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The boards as pages: the boards a person may use, a board's questions (newest, unanswered, most
 * helpful, searched), asking, a question with its answers (answering, "this helped me") and
 * reporting a post. Refusals come from {@link PeerSupport}: 403 for a board the role does not
 * allow, 404 for what the person may not see. Posts are printed as text, so mark-up shows as typed.
 */
@Controller
class PeerPages {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final PeerSupport peerSupport;
    private final MessageSource messages;

    PeerPages(PeerSupport peerSupport, MessageSource messages) {
        this.peerSupport = peerSupport;
        this.messages = messages;
    }

    @GetMapping("/peer-support")
    String boards(SignedInUser user, Model model) {
        List<Board> boards = peerSupport.boardsFor(user);
        if (boards.isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("No board for this role");
        }
        model.addAttribute("boards", boards);
        return "peersupport/boards";
    }

    @GetMapping("/peer-support/{board}")
    String board(SignedInUser user, @PathVariable String board, @RequestParam(required = false) String view,
                 @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page, Model model, Locale locale) {
        Board chosen = peerSupport.board(user, board);
        QuestionList list = peerSupport.questions(user, chosen, ListView.of(view), q, pageNumber(page), locale);
        model.addAttribute("board", chosen);
        model.addAttribute("list", list);
        model.addAttribute("views", List.of(ListView.values()));
        model.addAttribute("mayPost", chosen.mayPost(user));
        model.addAttribute("zone", LONDON);
        String base = "/peer-support/" + chosen.slug() + "?view=" + list.view().key()
                + (list.query().isEmpty() ? "" : "&q=" + java.net.URLEncoder.encode(list.query(), java.nio.charset.StandardCharsets.UTF_8));
        model.addAttribute("baseUrl", base);
        return "peersupport/board";
    }

    @GetMapping("/peer-support/{board}/ask")
    String askForm(SignedInUser user, @PathVariable String board, Model model, Locale locale) {
        Board chosen = postable(user, board);
        return ask(model, chosen, PostForm.empty(peerSupport.displayName(user).orElse(null)), new FormErrors(messages, locale),
                peerSupport.displayName(user));
    }

    @PostMapping("/peer-support/{board}/ask")
    String askQuestion(SignedInUser user, @PathVariable String board, @ModelAttribute PostForm form, Model model, Locale locale) {
        Board chosen = postable(user, board);
        FormErrors errors = new FormErrors(messages, locale);
        Long id = peerSupport.ask(user, chosen, form.input(), errors);
        if (id == null) {
            return ask(model, chosen, form, errors, peerSupport.displayName(user));
        }
        return "redirect:/peer-support/questions/" + id + "?done=asked";
    }

    private String ask(Model model, Board board, PostForm form, FormErrors errors, Optional<String> kept) {
        model.addAttribute("board", board);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kept", kept.orElse(null));
        warning(model, form, errors);
        return "peersupport/ask";
    }

    @GetMapping("/peer-support/questions/{id}")
    String question(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String done, Model model, Locale locale) {
        return question(model, user, id, PostForm.empty(peerSupport.displayName(user).orElse(null)), new FormErrors(messages, locale),
                done, locale);
    }

    @PostMapping("/peer-support/questions/{id}/answers")
    String answer(SignedInUser user, @PathVariable long id, @ModelAttribute PostForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long answer = peerSupport.answer(user, id, form.input(), errors);
        if (answer == null) {
            return question(model, user, id, form, errors, null, locale);
        }
        return "redirect:/peer-support/questions/" + id + "?done=answered#post-" + answer;
    }

    @PostMapping("/peer-support/posts/{id}/helpful")
    String helpful(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Post post = peerSupport.post(user, id, locale);
        long questionId = post.questionId() == null ? post.id() : post.questionId();
        FormErrors errors = new FormErrors(messages, locale);
        if (peerSupport.markHelpful(user, id, errors, "helpful-" + id) < 0) {
            return question(model, user, questionId, PostForm.empty(peerSupport.displayName(user).orElse(null)), errors, null, locale);
        }
        return "redirect:/peer-support/questions/" + questionId + "?done=helpful#post-" + id;
    }

    private String question(Model model, SignedInUser user, long id, PostForm form, FormErrors errors, String done, Locale locale) {
        QuestionThread thread = peerSupport.question(user, id, locale);
        model.addAttribute("thread", thread);
        model.addAttribute("q", thread.question());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kept", peerSupport.displayName(user).orElse(null));
        model.addAttribute("zone", LONDON);
        model.addAttribute("done", done != null && List.of("asked", "answered", "helpful", "reported").contains(done) ? done : null);
        warning(model, form, errors);
        return "peersupport/question";
    }

    @GetMapping("/peer-support/posts/{id}/report")
    String reportForm(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String sent, Model model, Locale locale) {
        return report(model, peerSupport.post(user, id, locale), "", new FormErrors(messages, locale), sent != null);
    }

    @PostMapping("/peer-support/posts/{id}/report")
    String sendReport(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        Post post = peerSupport.post(user, id, locale);
        FormErrors errors = new FormErrors(messages, locale);
        if (peerSupport.report(user, id, reason, errors) == null) {
            return report(model, post, reason, errors, false);
        }
        return "redirect:/peer-support/posts/" + id + "/report?sent=true";
    }

    private String report(Model model, Post post, String reason, FormErrors errors, boolean sent) {
        model.addAttribute("post", post);
        model.addAttribute("questionId", post.questionId() == null ? post.id() : post.questionId());
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("sent", sent);
        model.addAttribute("zone", LONDON);
        return "peersupport/report";
    }

    private Board postable(SignedInUser user, String slug) {
        Board board = peerSupport.board(user, slug);
        if (!board.mayPost(user)) {
            throw new org.springframework.security.access.AccessDeniedException("Read only");
        }
        return board;
    }

    /** The pieces the check found, each in words, and whether the poster may confirm them (none must be taken out). */
    private void warning(Model model, PostForm form, FormErrors errors) {
        List<PersonalDataCheck.Finding> found = errors.isEmpty() ? List.of() : form.findings();
        model.addAttribute("findings", found.stream().map(f -> messages.getMessage("peer.finding." + f.kind().name(),
                new Object[] {f.text()}, errors.locale())).toList());
        model.addAttribute("mayConfirm", !found.isEmpty() && found.stream().noneMatch(PersonalDataCheck.Finding::mustRemove));
        model.addAttribute("confirmOptions", List.of("yes"));
        model.addAttribute("confirmLabels", List.of(messages.getMessage("peer.confirm.label", null, errors.locale())));
        model.addAttribute("confirmSelected", "yes".equals(form.confirmPersonalData()) ? List.of("yes") : List.of());
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(10_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
