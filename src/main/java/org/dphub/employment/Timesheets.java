package org.dphub.employment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheets: the PA (or the employer for them) sends the days and hours worked; the employer
 * approves or queries them. Approved hours not yet paid go into the next payroll, so a late
 * timesheet rolls into the next period. Nothing is edited: a queried timesheet is sent again.
 */
@Service
public class Timesheets {

    public static final int MOST_DAYS = 31;

    public enum Status { SUBMITTED, APPROVED, QUERIED }

    /** Work (the default), holiday taken (paid at the rate), or a day off sick (Statutory Sick Pay). */
    public enum DayKind { WORK, HOLIDAY, SICK }

    public record Day(LocalDate workedOn, int minutes, String note, DayKind kind) {
        public Day(LocalDate workedOn, int minutes, String note) {
            this(workedOn, minutes, note, DayKind.WORK);
        }

        public String hours() {
            return Hours.format(minutes);
        }
    }

    public record Timesheet(long id, long employmentId, String submittedBy, Instant submittedAt, List<Day> days, Status status,
                            String decisionNote, String decidedBy) {
        public int totalMinutes() {
            return days.stream().mapToInt(Day::minutes).sum();
        }

        public String totalHours() {
            return Hours.format(totalMinutes());
        }

        public LocalDate firstDay() {
            return days.isEmpty() ? null : days.get(0).workedOn();
        }

        public LocalDate lastDay() {
            return days.isEmpty() ? null : days.get(days.size() - 1).workedOn();
        }
    }

    /** A day as typed: the date, the hours ("7.5", "7:30"), a note. */
    public record DayInput(LocalDate workedOn, String hours, String note, DayKind kind) {
        public DayInput(LocalDate workedOn, String hours, String note) {
            this(workedOn, hours, note, DayKind.WORK);
        }

        public DayInput {
            kind = kind == null ? DayKind.WORK : kind;
        }
    }

    private final JdbcClient jdbc;
    private final Employments employments;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Reads reads;

    Timesheets(JdbcClient jdbc, Employments employments, AuditTrail audit, MessageSource messages, ApplicationEventPublisher events,
            Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.employments = employments;
        this.audit = audit;
        this.messages = messages;
        this.events = events;
    }

    /** Sends a timesheet. Days with no hours are left out; at least one day is needed. Throws what to fix. */
    @Transactional
    public Timesheet submit(SignedInUser user, long employmentId, List<DayInput> input, Locale locale) {
        Employment employment = employments.find(user, employmentId).orElseThrow(NotFound::new);
        boolean isPa = employment.paUserId() != null && employment.paUserId() == user.userId();
        if (!isPa && !employments.isEmployerSide(user, employment)) {
            throw new AccessDeniedException("Only the PA or their employer sends a timesheet");
        }
        // one timesheet at a time for an employment, so a day cannot be sent twice by two people at once
        // (and the PA's last day read under the lock: the employer may have just ended the employment)
        LocalDate lastDay = jdbc.sql("SELECT ended_on FROM pa_employment WHERE id = :e FOR UPDATE").param("e", employmentId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate today = employments.today();
        List<Day> days = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        Set<LocalDate> already = new HashSet<>(jdbc.sql("""
                        SELECT d.worked_on FROM timesheet_day d JOIN timesheet t ON t.id = d.timesheet_id
                        LEFT JOIN timesheet_decision x ON x.timesheet_id = t.id
                        WHERE t.employment_id = :e AND (x.decision IS NULL OR x.decision = 'APPROVED')""")
                .param("e", employmentId).query(LocalDate.class).list());
        int row = 0;
        for (DayInput day : input == null ? List.<DayInput>of() : input) {
            row++;
            String field = "day-" + row;
            if (day == null || (day.hours() == null || day.hours().isBlank())) {
                continue;
            }
            Integer minutes = Hours.parseMinutes(day.hours());
            String note = errors.text(field + "-note", day.note(), 500, false, "timesheet.label.note");
            if (day.workedOn() == null) {
                errors.reject(field, "timesheet.error.date", row);
            } else if (minutes == null || minutes <= 0) {
                errors.reject(field, "timesheet.error.hours", day(day.workedOn(), locale));
            } else if (minutes > 24 * 60) {
                errors.reject(field, "timesheet.error.too-many-hours", day(day.workedOn(), locale));
            } else if (day.workedOn().isBefore(employment.startedOn())) {
                errors.reject(field, "timesheet.error.before-start", day(day.workedOn(), locale), day(employment.startedOn(), locale));
            } else if (lastDay != null && day.workedOn().isAfter(lastDay)) {
                errors.reject(field, "timesheet.error.after-end", day(day.workedOn(), locale), day(lastDay, locale));
            } else if (day.workedOn().isAfter(today)) {
                errors.reject(field, "timesheet.error.future", day(day.workedOn(), locale));
            } else if (!seen.add(day.workedOn())) {
                errors.reject(field, "timesheet.error.twice", day(day.workedOn(), locale));
            } else if (already.contains(day.workedOn())) {
                errors.reject(field, "timesheet.error.already", day(day.workedOn(), locale));
            } else if (note != null) {
                days.add(new Day(day.workedOn(), minutes, note, day.kind()));
            }
        }
        if (row > MOST_DAYS) {
            errors.reject("days", "timesheet.error.too-many-days", MOST_DAYS);
        }
        if (days.isEmpty() && errors.isEmpty()) {
            errors.reject("days", "timesheet.error.none");
        }
        errors.throwIfAny();
        days.sort(java.util.Comparator.comparing(Day::workedOn));
        long id = jdbc.sql("INSERT INTO timesheet (employment_id, submitted_by) VALUES (:e, :by) RETURNING id")
                .param("e", employmentId).param("by", user.username()).query(Long.class).single();
        for (Day day : days) {
            jdbc.sql("INSERT INTO timesheet_day (timesheet_id, worked_on, minutes, note, kind) VALUES (:t, :d, :m, :n, :k)")
                    .param("t", id).param("d", day.workedOn()).param("m", day.minutes()).param("n", day.note())
                    .param("k", day.kind().name()).update();
        }
        audit.record(employment.councilId(), "timesheet", id, AuditAction.CREATE, null, AuditTrail.values("employmentId", employmentId,
                "days", days.size(), "minutes", days.stream().mapToInt(Day::minutes).sum()));
        return find(id).orElseThrow();
    }

    private static String day(LocalDate date, Locale locale) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    /** The employer's side approves or queries a timesheet, once. A PA cannot approve their own. */
    @Transactional
    public Timesheet decide(SignedInUser user, long timesheetId, Status decision, String note, Locale locale) {
        Timesheet timesheet = find(user, timesheetId).orElseThrow(NotFound::new);
        Employment employment = employments.find(user, timesheet.employmentId()).orElseThrow(NotFound::new);
        if (!employments.isEmployerSide(user, employment) || (employment.paUserId() != null && employment.paUserId() == user.userId())) {
            throw new AccessDeniedException("The employer approves timesheets, not the PA");
        }
        if (decision != Status.APPROVED && decision != Status.QUERIED) {
            throw new IllegalArgumentException("APPROVED or QUERIED");
        }
        FormErrors errors = new FormErrors(messages, locale);
        String text = errors.text("note", note, 1000, decision == Status.QUERIED, "timesheet.label.query");
        errors.throwIfAny();
        if (timesheet.status() != Status.SUBMITTED) {
            throw new Conflict(messages.getMessage("timesheet.error.decided", null, locale));
        }
        jdbc.sql("""
                        INSERT INTO timesheet_decision (timesheet_id, decision, note, decided_by) VALUES (:t, :d, :n, :by)
                        ON CONFLICT (timesheet_id) DO NOTHING""")
                .param("t", timesheetId).param("d", decision.name()).param("n", text == null ? "" : text).param("by", user.username()).update();
        audit.record(employment.councilId(), "timesheet", timesheetId, AuditAction.UPDATE, null, AuditTrail.values("decision", decision.name()));
        if (decision == Status.APPROVED) {
            events.publishEvent(new TimesheetApproved(timesheetId, employment.councilId(), employment.citizenId(), employment.id(),
                    user.userId(), timesheet.days().stream().filter(d -> d.kind() == DayKind.WORK && d.minutes() > 0)
                    .map(Day::workedOn).toList()));
        }
        return find(timesheetId).orElseThrow();
    }

    /**
     * A timesheet with no decision yet, or one the employer queried, as a home page lists it: whose,
     * for whom, and the days it covers (read in one query, without its days).
     */
    public record Open(long id, long employmentId, String paName, String employerName, LocalDate firstDay, LocalDate lastDay,
                       Status status) {
    }

    /** Timesheets sent to this person (the employer, or someone acting for them) that wait for their decision. */
    @Transactional(readOnly = true)
    public List<Open> waitingForEmployer(SignedInUser user, long citizenId) {
        if (!employments.isEmployerSideOf(user, citizenId)) {
            return List.of();
        }
        return open(WAITING_FOR_EMPLOYER, citizenId);
    }

    private static final String WAITING_FOR_EMPLOYER = "e.citizen_id = :who AND x.decision IS NULL";

    /** What the home page will read here for a person this user is or acts for, to send with the other modules' reads. */
    public void readAhead(SignedInUser user, long citizenId, Reads.Together reads) {
        if (employments.isEmployerSideOf(user, citizenId)) {
            reads.add(openRead(WAITING_FOR_EMPLOYER, citizenId));
        }
    }

    /** A PA's timesheets the employer queried and nothing was sent for that work since: to look at and send again. */
    @Transactional(readOnly = true)
    public List<Open> queriedForPa(SignedInUser pa) {
        return open("e.pa_user_id = :who AND x.decision = 'QUERIED' AND NOT EXISTS (SELECT 1 FROM timesheet later "
                + "WHERE later.employment_id = t.employment_id AND later.id > t.id)", pa.userId());
    }

    private record OpenWhere(String where, long who) {
    }

    private List<Open> open(String where, long who) {
        return reads.get(openRead(where, who));
    }

    private static Read<List<Open>> openRead(String where, long who) {
        return Read.list(new OpenWhere(where, who), """
                        SELECT t.id, t.employment_id, e.pa_given_name || ' ' || e.pa_family_name AS pa_name,
                               c.given_name || ' ' || c.family_name AS employer_name, x.decision,
                               (SELECT min(d.worked_on) FROM timesheet_day d WHERE d.timesheet_id = t.id) AS first_day,
                               (SELECT max(d.worked_on) FROM timesheet_day d WHERE d.timesheet_id = t.id) AS last_day
                        FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id JOIN citizen c ON c.id = e.citizen_id
                        LEFT JOIN timesheet_decision x ON x.timesheet_id = t.id
                        WHERE """ + " " + where + " ORDER BY t.id LIMIT 50", Map.of("who", who),
                (rs, n) -> new Open(rs.getLong("id"), rs.getLong("employment_id"), rs.getString("pa_name"),
                        rs.getString("employer_name"), rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        rs.getString("decision") == null ? Status.SUBMITTED : Status.valueOf(rs.getString("decision"))));
    }

    @Transactional(readOnly = true)
    public List<Timesheet> forEmployment(SignedInUser user, long employmentId) {
        employments.find(user, employmentId).orElseThrow(NotFound::new);
        List<Long> ids = jdbc.sql("SELECT id FROM timesheet WHERE employment_id = :e ORDER BY id DESC").param("e", employmentId)
                .query(Long.class).list();
        return ids.stream().map(id -> find(id).orElseThrow()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Timesheet> find(SignedInUser user, long id) {
        return find(id).filter(t -> employments.find(user, t.employmentId()).isPresent());
    }

    Optional<Timesheet> find(long id) {
        return jdbc.sql("""
                        SELECT t.id, t.employment_id, t.submitted_by, t.submitted_at, x.decision, x.note, x.decided_by
                        FROM timesheet t LEFT JOIN timesheet_decision x ON x.timesheet_id = t.id WHERE t.id = :id""")
                .param("id", id).query((rs, n) -> row(rs)).optional()
                .map(t -> new Timesheet(t.id(), t.employmentId(), t.submittedBy(), t.submittedAt(), days(t.id()), t.status(),
                        t.decisionNote(), t.decidedBy()));
    }

    private List<Day> days(long timesheetId) {
        return jdbc.sql("SELECT worked_on, minutes, note, kind FROM timesheet_day WHERE timesheet_id = :t ORDER BY worked_on")
                .param("t", timesheetId).query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getString(3),
                        DayKind.valueOf(rs.getString(4)))).list();
    }

    private static Timesheet row(ResultSet rs) throws SQLException {
        String decision = rs.getString("decision");
        return new Timesheet(rs.getLong("id"), rs.getLong("employment_id"), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), List.of(), decision == null ? Status.SUBMITTED : Status.valueOf(decision),
                rs.getString("note"), rs.getString("decided_by"));
    }
}
