package org.dphub.employment;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds employers that their employer's liability insurance ends soon: every day, each policy on
 * the terms in force today of a PA's employment that ends within the next 30 days, once per
 * employer, policy and end date ({@code insurance_reminder}), unless a version of that
 * employment's terms already records a later end date (renewed ahead of time). Each reminder is
 * an {@link EmployerInsuranceEnding} event; the letter is written by whoever listens (monitoring's
 * letters), so this module does not depend on how people are told.
 */
@Service
public class InsuranceReminders {

    /** "reminded 30 days before" (issue 7), as the warning on "Your PAs". */
    public static final int DAYS_BEFORE = 30;

    private final JdbcClient jdbc;
    private final Employments employments;
    private final ApplicationEventPublisher events;

    InsuranceReminders(JdbcClient jdbc, Employments employments, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.employments = employments;
        this.events = events;
    }

    /**
     * Records and publishes today's reminders, in one transaction: the row and the event
     * publication (kept in PostgreSQL by Spring Modulith) commit together or not at all. Returns
     * how many employers were reminded; a rerun the same day reminds none.
     */
    @Transactional
    public int remindEndingSoon() {
        LocalDate today = employments.today();
        List<EmployerInsuranceEnding> ending = jdbc.sql("""
                        INSERT INTO insurance_reminder (council_id, citizen_id, insurer, policy_number, expires_on)
                        SELECT DISTINCT ON (e.citizen_id, t.el_policy_number, t.el_expires_on)
                               e.council_id, e.citizen_id, t.el_insurer, t.el_policy_number, t.el_expires_on
                        FROM pa_employment e
                        JOIN LATERAL (SELECT * FROM pa_employment_terms t WHERE t.employment_id = e.id
                                      ORDER BY (t.effective_from <= :today) DESC,
                                               CASE WHEN t.effective_from <= :today THEN t.effective_from END DESC,
                                               t.effective_from, t.id DESC LIMIT 1) t ON true
                        WHERE t.el_expires_on BETWEEN :today AND :last
                          AND NOT EXISTS (SELECT 1 FROM pa_employment_terms later WHERE later.employment_id = e.id
                                          AND later.el_expires_on > t.el_expires_on)
                        ORDER BY e.citizen_id, t.el_policy_number, t.el_expires_on, e.id
                        ON CONFLICT (citizen_id, policy_number, expires_on) DO NOTHING
                        RETURNING council_id, citizen_id, insurer, policy_number, expires_on""")
                .param("today", today).param("last", today.plusDays(DAYS_BEFORE))
                .query((rs, n) -> new EmployerInsuranceEnding(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class)))
                .list();
        ending.forEach(events::publishEvent);
        return ending.size();
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        /**
         * Daily (cron in UK time, DPHUB_INSURANCE_REMINDERS; "-" turns it off). db-scheduler runs a
         * recurring task on one instance at a time; the table's unique key covers the rest.
         */
        @Bean
        @ConditionalOnExpression("'${dphub.employment.insurance-reminders:0 0 7 * * *}' != '-'")
        RecurringTask<Void> insuranceRemindersTask(InsuranceReminders reminders,
                                                   @Value("${dphub.employment.insurance-reminders:0 0 7 * * *}") String cron) {
            return Tasks.recurring("employer-insurance-reminders", Schedules.cron(cron, ZoneId.of("Europe/London")))
                    .execute((instance, context) -> reminders.remindEndingSoon());
        }
    }
}
