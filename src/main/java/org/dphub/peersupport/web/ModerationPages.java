package org.dphub.peersupport.web;

import java.util.List;
import java.util.Locale;
import org.dphub.peersupport.ModerationAction;
import org.dphub.peersupport.PeerSupport;
import org.dphub.peersupport.Post;
import org.dphub.peersupport.ReportedPost;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The DP team's moderation: the queue of reported posts by their council's people, the posts
 * removed now, and one post's decision (remove, put back, keep, lock, unlock) with a reason.
 */
@Controller
@PreAuthorize("hasRole('DP_TEAM')")
class ModerationPages {

    private final PeerSupport peerSupport;
    private final MessageSource messages;

    ModerationPages(PeerSupport peerSupport, MessageSource messages) {
        this.peerSupport = peerSupport;
        this.messages = messages;
    }

    @GetMapping("/peer-support/moderation")
    String queue(SignedInUser moderator, @RequestParam(required = false) String done, Model model, Locale locale) {
        model.addAttribute("reported", peerSupport.moderationQueue(moderator, locale));
        model.addAttribute("removed", peerSupport.removedPosts(moderator, locale));
        model.addAttribute("zone", PeerPages.LONDON);
        model.addAttribute("done", ModerationAction.of(done).map(ModerationAction::name).orElse(null));
        return "peersupport/moderation";
    }

    @GetMapping("/peer-support/posts/{id}/moderate")
    String form(SignedInUser moderator, @PathVariable long id, Model model, Locale locale) {
        return show(model, moderator, id, null, "", new FormErrors(messages, locale), locale);
    }

    @PostMapping("/peer-support/posts/{id}/moderate")
    String decide(SignedInUser moderator, @PathVariable long id, @RequestParam(required = false) String action,
                  @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        ModerationAction chosen = ModerationAction.of(action).orElse(null);
        if (peerSupport.moderate(moderator, id, chosen, reason, errors)) {
            return "redirect:/peer-support/moderation?done=" + chosen.name();
        }
        return show(model, moderator, id, action, reason, errors, locale);
    }

    private String show(Model model, SignedInUser moderator, long id, String action, String reason, FormErrors errors, Locale locale) {
        Post post = peerSupport.post(moderator, id, locale);
        if (!post.mayModerate()) {
            throw new NotFound();
        }
        List<ReportedPost.Report> reports = peerSupport.moderationQueue(moderator, locale).stream().filter(r -> r.post().id() == id)
                .findFirst().map(ReportedPost::reports).orElse(List.of());
        List<String> actions = java.util.Arrays.stream(ModerationAction.values())
                .filter(a -> a.allowed(post.isQuestion(), post.hidden(), post.locked())).map(ModerationAction::name).toList();
        model.addAttribute("post", post);
        model.addAttribute("questionId", post.questionId() == null ? post.id() : post.questionId());
        model.addAttribute("reports", reports);
        model.addAttribute("actions", actions);
        model.addAttribute("action", action);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("zone", PeerPages.LONDON);
        return "peersupport/moderate";
    }
}
