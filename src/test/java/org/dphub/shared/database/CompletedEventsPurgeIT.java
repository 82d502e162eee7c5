package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Delivered module events are not kept for ever (issue 17): they may name people, as an approved
 * payroll names each PA paid. The daily purge deletes those delivered more than a week ago, keeps
 * the ones delivered since, and never one not yet delivered (it is to be sent again).
 */
@IntegrationTest
class CompletedEventsPurgeIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    CompletedEventPublications completed;
    @Autowired
    ApplicationContext context;

    void publication(String event, OffsetDateTime published, OffsetDateTime delivered) {
        jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, completion_date)"
                        + " VALUES (:id, 'test.listener', 'org.dphub.employment.PayrollApproved', :event, :published, :delivered)")
                .param("id", UUID.randomUUID()).param("event", event).param("published", published).param("delivered", delivered).update();
    }

    @Test
    void eventsDeliveredMoreThanAWeekAgoAreDeletedOthersKept() {
        String mark = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now();
        publication("{\"paName\": \"Old Delivered " + mark + "\"}", now.minusDays(9), now.minusDays(8));
        publication("{\"paName\": \"Recent " + mark + "\"}", now.minusDays(2), now.minusDays(1));
        publication("{\"paName\": \"Old Waiting " + mark + "\"}", now.minusDays(9), null);

        CompletedEventsPurge.purge(completed, Duration.ofDays(7));

        assertThat(jdbc.sql("SELECT serialized_event FROM event_publication WHERE serialized_event LIKE :m ORDER BY publication_date")
                .param("m", "%" + mark + "%").query(String.class).list())
                .as("delivered over a week ago: gone; delivered since, or not yet delivered: kept")
                .containsExactly("{\"paName\": \"Old Waiting " + mark + "\"}", "{\"paName\": \"Recent " + mark + "\"}");
        jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :m").param("m", "%" + mark + "%").update();
    }

    @Test
    void thePurgeIsScheduledDailyAndAKeepingTimeOutOfRangeIsRefused() {
        assertThat(context.getBeansOfType(RecurringTask.class).values()).extracting(RecurringTask::getName).contains("completed-events-purge");
        assertThatThrownBy(() -> new CompletedEventsPurge().completedEventsPurgeTask(completed, "0 15 3 * * *", Duration.ofDays(400)))
                .hasMessageContaining("DPHUB_EVENTS_KEEP_COMPLETED");
        assertThatThrownBy(() -> new CompletedEventsPurge().completedEventsPurgeTask(completed, "0 15 3 * * *", Duration.ofDays(-1)))
                .hasMessageContaining("from 0 to 366d");
    }
}
