package org.dphub.insights;

/** Every figure for one council and period; {@code ascof3d} is null for a Welsh council. */
public record InsightsReport(Figure.CouncilFacts council, Period period, Uptake uptake, TimeToMoney timeToMoney,
                             OneOffTimes oneOffs, Ascof3d ascof3d, SavingsVsAgency savingsVsAgency, PaPayRates paPayRates,
                             MoneyReturned moneyReturned, PaMarket paMarket, MonitoringEffort monitoring, Reviews reviews,
                             HowSupportIsTaken howTaken) {
}
