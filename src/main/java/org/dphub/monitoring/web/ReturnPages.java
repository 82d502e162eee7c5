package org.dphub.monitoring.web;

import java.util.Locale;
import org.dphub.monitoring.Returns;
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

/** Finance asks for returns; the person looks over theirs, confirms it or asks for more time. */
@Controller
class ReturnPages {

    private final Returns returns;
    private final org.dphub.monitoring.Receipts receipts;
    private final MessageSource messages;

    ReturnPages(Returns returns, org.dphub.monitoring.Receipts receipts, MessageSource messages) {
        this.receipts = receipts;
        this.returns = returns;
        this.messages = messages;
    }

    @PostMapping("/checks/returns")
    String request(SignedInUser finance) {
        return "redirect:/checks?returns=" + returns.requestForLastPeriod(finance);
    }

    @GetMapping("/my-spending/returns/{id}")
    String show(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        return show(user, id, model, false, new FormErrors(messages, locale));
    }

    private String show(SignedInUser user, long id, Model model, boolean moreTimeForm, FormErrors errors) {
        Returns.FinancialReturn r = returns.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("r", r);
        model.addAttribute("transactions", returns.transactions(user, r));
        model.addAttribute("needReceipts", receipts.itemsNeedingReceipts(user, r));
        model.addAttribute("receiptNames", receipts.forReturn(user, id).stream().collect(java.util.stream.Collectors.groupingBy(
                org.dphub.monitoring.Receipts.Receipt::transactionId,
                java.util.stream.Collectors.mapping(org.dphub.monitoring.Receipts.Receipt::filename, java.util.stream.Collectors.toList()))));
        model.addAttribute("errors", errors);
        return "monitoring/return";
    }

    @PostMapping("/my-spending/returns/{id}")
    String confirm(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String looked, Model model, Locale locale) {
        if (!"yes".equals(looked)) {
            FormErrors errors = new FormErrors(messages, locale);
            errors.reject("looked", "returns.error.looked");
            return show(user, id, model, false, errors);
        }
        try {
            returns.confirm(user, id);
        } catch (Conflict already) {
            // confirmed a moment ago: the list says so
        }
        return "redirect:/my-spending?confirmed=true";
    }

    @PostMapping("/my-spending/returns/{id}/receipts")
    String upload(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "0") long transactionId,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file, Model model, Locale locale)
            throws java.io.IOException {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            if (file == null || file.isEmpty()) {
                throw org.dphub.web.FileProblem.of(0, "Choose a file");
            }
            receipts.upload(user, id, transactionId, file.getOriginalFilename(), file.getBytes());
        } catch (org.dphub.monitoring.Receipts.Refused refused) {
            errors.reject("receipt-" + transactionId, refused.key());
            return show(user, id, model, false, errors);
        } catch (org.dphub.web.FileProblem refused) {
            errors.reject("receipt-" + transactionId, "receipts.error.choose");
            return show(user, id, model, false, errors);
        }
        return "redirect:/my-spending/returns/" + id;
    }

    @PostMapping("/my-spending/returns/{id}/more-time")
    String moreTime(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String note, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String text = errors.text("note", note, 1000, false, "returns.label.note");
        if (!errors.isEmpty()) {
            return show(user, id, model, true, errors);
        }
        try {
            returns.moreTime(user, id, text == null || text.isEmpty() ? null : text);
        } catch (Conflict confirmed) {
            // nothing more to do
        }
        return "redirect:/my-spending?moreTime=true";
    }
}
