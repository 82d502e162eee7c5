package org.dphub.insights;

import java.io.Writer;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.insights.internal.Ascof3dFigure;
import org.dphub.insights.internal.ClientLevelDataExtract;
import org.dphub.insights.internal.FigureTransactions;
import org.dphub.insights.internal.HowSupportIsTakenFigure;
import org.dphub.insights.internal.MoneyReturnedFigure;
import org.dphub.insights.internal.MonitoringEffortFigure;
import org.dphub.insights.internal.OneOffTimesFigure;
import org.dphub.insights.internal.PaPayRatesFigure;
import org.dphub.insights.internal.SavingsVsAgencyFigure;
import org.dphub.insights.internal.PaMarketFigure;
import org.dphub.insights.internal.ReviewsFigure;
import org.dphub.insights.internal.TimeToMoneyFigure;
import org.dphub.insights.internal.UptakeFigure;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insights module's public face: a council's figures for a period, and its Client Level Data
 * extract. Only council staff, and only for their own council: the council is always the signed-in
 * person's, never one asked for. The national view (every council's figures, small numbers
 * suppressed) is for national analysts only.
 */
@Service
public class Insights {

    private final Councils councils;
    private final UptakeFigure uptake;
    private final TimeToMoneyFigure timeToMoney;
    private final OneOffTimesFigure oneOffs;
    private final Ascof3dFigure ascof3d;
    private final ClientLevelDataExtract clientLevelData;
    private final SavingsVsAgencyFigure savingsVsAgency;
    private final PaPayRatesFigure paPayRates;
    private final MoneyReturnedFigure moneyReturned;
    private final PaMarketFigure paMarket;
    private final MonitoringEffortFigure monitoring;
    private final ReviewsFigure reviews;
    private final HowSupportIsTakenFigure howTaken;
    /** Figures are independent read-only queries: a report computes them side by side, each on its own connection. */
    private final java.util.concurrent.ExecutorService figures;
    private final FigureTransactions transactions;

    Insights(Councils councils, UptakeFigure uptake, TimeToMoneyFigure timeToMoney, OneOffTimesFigure oneOffs,
             Ascof3dFigure ascof3d, ClientLevelDataExtract clientLevelData, SavingsVsAgencyFigure savingsVsAgency,
             PaPayRatesFigure paPayRates, MoneyReturnedFigure moneyReturned,
             PaMarketFigure paMarket, MonitoringEffortFigure monitoring, ReviewsFigure reviews,
             HowSupportIsTakenFigure howTaken, FigureTransactions transactions,
             @org.springframework.beans.factory.annotation.Value("${dphub.insights.parallelism:2}") int parallelism) {
        this.howTaken = howTaken;
        this.transactions = transactions;
        this.figures = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallelism), task -> {
            Thread thread = new Thread(task, "insights-figure");
            thread.setDaemon(true);
            return thread;
        });
        this.savingsVsAgency = savingsVsAgency;
        this.paPayRates = paPayRates;
        this.councils = councils;
        this.uptake = uptake;
        this.timeToMoney = timeToMoney;
        this.oneOffs = oneOffs;
        this.ascof3d = ascof3d;
        this.clientLevelData = clientLevelData;
        this.moneyReturned = moneyReturned;
        this.paMarket = paMarket;
        this.monitoring = monitoring;
        this.reviews = reviews;
    }

    /** Council staff may see the figures. */
    public static boolean maySee(SignedInUser user) {
        return user != null && user.isStaff() && user.councilId() != null;
    }

    /** The CLD extract names people (by the council's reference): staff who run the return only. */
    public static boolean mayExtract(SignedInUser user) {
        return maySee(user) && (user.has(Role.DP_TEAM) || user.has(Role.FINANCE) || user.has(Role.COUNCIL_ADMIN));
    }

    /** No transaction: the figures are read side by side, each on its own connection (one held here would sit idle). */
    public InsightsReport report(SignedInUser staff, Period period) {
        if (!maySee(staff)) {
            throw new AccessDeniedException("Insights are for council staff");
        }
        return reportFor(facts(staff.councilId()), period);
    }

    /** Every figure for one council: the council's own page and each row of the national view. */
    private InsightsReport reportFor(Figure.CouncilFacts council, Period period) {
        // the slowest first, so the threads finish together
        var savings = figure(savingsVsAgency, council, period);
        var uptakeNow = figure(uptake, council, period);
        var ascof = figure(ascof3d, council, period);
        var reviewsNow = figure(reviews, council, period);
        var returned = figure(moneyReturned, council, period);
        var market = figure(paMarket, council, period);
        var taken = figure(howTaken, council, period);
        var pay = figure(paPayRates, council, period);
        var checks = figure(monitoring, council, period);
        var time = figure(timeToMoney, council, period);
        var oneOff = figure(oneOffs, council, period);
        return new InsightsReport(council, period, join(uptakeNow), join(time), join(oneOff), join(ascof), join(savings), join(pay),
                join(returned), join(market), join(checks), join(reviewsNow), join(taken));
    }

    private <N> java.util.concurrent.Future<N> figure(Figure<N> figure, Figure.CouncilFacts council, Period period) {
        return figures.submit(() -> compute(figure, council, period));
    }

    /** One figure as the page and the API work it out: in a read-only transaction of its own ({@link FigureTransactions}). */
    <N> N compute(Figure<N> figure, Figure.CouncilFacts council, Period period) {
        return transactions.run(() -> figure.compute(council, period));
    }

    private static <N> N join(java.util.concurrent.Future<N> figure) {
        try {
            return figure.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while working out the figures", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        figures.shutdownNow();
    }

    /** Only a national analyst sees the national view (council staff see their own council's figures). */
    public static boolean maySeeNational(SignedInUser user) {
        return user != null && user.has(Role.NATIONAL_ANALYST);
    }

    /**
     * Every council's figures for the period, a row each, computed as each council's own page does
     * and then suppressed ({@link SmallNumbers}): never a person's data, never a count under 5.
     */
    public NationalReport national(SignedInUser analyst, Period period) {
        if (!maySeeNational(analyst)) {
            throw new AccessDeniedException("The national view is for national analysts");
        }
        java.util.List<NationalReport.CouncilFigures> figures = new java.util.ArrayList<>();
        for (Council council : councils.all()) {
            figures.add(new NationalReport.CouncilFigures(council.name(), council.nameCy(), reportFor(facts(council), period)));
        }
        return NationalReport.of(period, NationalColumns.ALL, figures);
    }

    /** Writes the council's Client Level Data rows for the period as CSV. */
    @Transactional(readOnly = true)
    public void writeClientLevelData(SignedInUser staff, Period period, Writer out) {
        if (!mayExtract(staff)) {
            throw new AccessDeniedException("The Client Level Data extract is for the DP team, finance and administrators");
        }
        clientLevelData.write(facts(staff.councilId()), period, out);
    }

    /** People with a direct payment in force on {@code day} in the staff member's council. */
    @Transactional(readOnly = true)
    public long activeDirectPayments(SignedInUser staff, java.time.LocalDate day) {
        if (!maySee(staff)) {
            throw new AccessDeniedException("Insights are for council staff");
        }
        return uptake.activeOn(staff.councilId(), day);
    }

    /** The council's local authority code for Client Level Data from its settings, or null while none is recorded. */
    public String cldLaCode(SignedInUser staff) {
        return maySee(staff) ? councils.settings(staff.councilId()).settings().cldLaCode() : null;
    }

    /** The signed-in person's council's code in dphub. */
    public String councilCode(SignedInUser staff) {
        return maySee(staff) ? councils.findById(staff.councilId()).map(Council::code).orElse(null) : null;
    }

    /** Whether the signed-in person's council is in England (ASCOF and CLD apply). */
    public boolean inEngland(SignedInUser staff) {
        return maySee(staff) && councils.findById(staff.councilId()).map(c -> c.nation() == Nation.ENGLAND).orElse(false);
    }

    private Figure.CouncilFacts facts(long councilId) {
        return facts(councils.findById(councilId).orElseThrow());
    }

    private Figure.CouncilFacts facts(Council council) {
        return new Figure.CouncilFacts(council.id(), council.code(), council.nation() == Nation.ENGLAND,
                councils.settings(council.id()).settings().targetDaysToMoney());
    }
}
