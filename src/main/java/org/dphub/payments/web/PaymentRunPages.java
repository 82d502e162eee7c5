package org.dphub.payments.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.PaymentRun;
import org.dphub.payments.PaymentRunStatus;
import org.dphub.payments.PaymentRuns;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's payment runs: start one for a date, watch its progress (the page refreshes itself, no
 * JavaScript needed), see the count and total by account type and the exceptions, approve it as
 * a second officer, and download the bank file and CSV.
 */
@Controller
class PaymentRunPages {

    private final PaymentRuns runs;
    private final BankAccounts bankAccounts;
    private final MessageSource messages;
    private final Clock clock;

    PaymentRunPages(PaymentRuns runs, BankAccounts bankAccounts, MessageSource messages, Clock clock) {
        this.runs = runs;
        this.bankAccounts = bankAccounts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/payment-runs")
    String list(SignedInUser finance, Model model, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        return showList(finance, model, Integer.toString(today.getDayOfMonth()), Integer.toString(today.getMonthValue()),
                Integer.toString(today.getYear()), new FormErrors(messages, locale));
    }

    @PostMapping("/payment-runs")
    String start(SignedInUser finance, @RequestParam(name = "paymentDate-day", defaultValue = "") String day,
                 @RequestParam(name = "paymentDate-month", defaultValue = "") String month,
                 @RequestParam(name = "paymentDate-year", defaultValue = "") String year, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate date = errors.date("paymentDate", day, month, year, "payments.label.paymentDate");
        if (errors.isEmpty()) {
            try {
                PaymentRuns.Started started = runs.start(finance, date);
                return "redirect:/payment-runs/" + started.run().id() + (started.created() ? "" : "?existing=true");
            } catch (ValidationProblem outOfRange) {
                errors.reject("paymentDate", "runs.error.date");
            }
        }
        return showList(finance, model, day, month, year, errors);
    }

    private String showList(SignedInUser finance, Model model, String day, String month, String year, FormErrors errors) {
        model.addAttribute("runs", runs.recent(finance));
        model.addAttribute("day", day);
        model.addAttribute("month", month);
        model.addAttribute("year", year);
        model.addAttribute("errors", errors);
        model.addAttribute("noCouncilAccount",
                bankAccounts.councilAccount(finance, BankAccounts.CouncilAccount.COUNCIL_ACCOUNT).isEmpty());
        return "payments/runs";
    }

    @GetMapping("/payment-runs/{id}")
    String show(SignedInUser finance, @PathVariable long id, @RequestParam(defaultValue = "false") boolean existing,
                @RequestParam(defaultValue = "") String problem, Model model) {
        PaymentRun run = runs.find(finance, id).orElseThrow(NotFound::new);
        model.addAttribute("run", run);
        model.addAttribute("existing", existing);
        model.addAttribute("problem", problem);
        if (run.status() != PaymentRunStatus.RUNNING) {
            model.addAttribute("totals", runs.totalsByType(finance, id));
            model.addAttribute("exceptions", runs.exceptions(finance, id));
            model.addAttribute("payDays", runs.totalsByPayDate(finance, id));
            model.addAttribute("providerPayouts", runs.providerPayouts(finance, id));
            model.addAttribute("netted", runs.netted(finance, id));
            model.addAttribute("providerExceptions", runs.providerExceptions(finance, id));
        }
        model.addAttribute("mayApprove", run.status() == PaymentRunStatus.READY_FOR_APPROVAL
                && !run.startedBy().equals(finance.username()));
        model.addAttribute("noCouncilAccount",
                bankAccounts.councilAccount(finance, BankAccounts.CouncilAccount.COUNCIL_ACCOUNT).isEmpty());
        return "payments/run";
    }

    @PostMapping("/payment-runs/{id}/approval")
    String approve(SignedInUser finance, @PathVariable long id) {
        runs.find(finance, id).orElseThrow(NotFound::new);
        try {
            runs.approve(finance, id);
            return "redirect:/payment-runs/" + id;
        } catch (AccessDeniedException sameOfficer) {
            return "redirect:/payment-runs/" + id + "?problem=four-eyes";
        } catch (Conflict notReady) {
            return "redirect:/payment-runs/" + id + "?problem=not-ready";
        }
    }

    @PostMapping("/payment-runs/{id}/restart")
    String restart(SignedInUser finance, @PathVariable long id) {
        PaymentRun run = runs.find(finance, id).orElseThrow(NotFound::new);
        runs.start(finance, run.paymentDate());
        return "redirect:/payment-runs/" + id;
    }
}
