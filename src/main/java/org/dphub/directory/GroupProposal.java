package org.dphub.directory;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;

/**
 * What an organiser proposes: a title, the directory service, the session dates, the total cost
 * (given as a total or a cost a session), how it is split and the most members. {@link #readApi}
 * and {@link #readPage} check what was sent and name each problem's field.
 */
public record GroupProposal(String title, UUID serviceId, List<LocalDate> sessions, Money total, GroupSplit split, int maxMembers) {

    /** The largest total a group may buy: £100,000 (the directory's dearest service cost). */
    public static final Money LARGEST_TOTAL = Money.ofPence(10_000_000L);
    public static final int MOST_SESSIONS = 104;
    public static final int MOST_MEMBERS = 50;

    public GroupProposal {
        sessions = List.copyOf(sessions);
    }

    /** From the JSON API: pence as whole numbers, dates as ISO dates. Null when anything is wrong (in {@code errors}). */
    public static GroupProposal readApi(FormErrors errors, LocalDate today, Object title, Object serviceId, Object sessions,
                                        Object totalPence, Object perSessionPence, Object split, Object maxMembers) {
        String name = errors.text("title", JsonInput.text(title), 120, true, "group.label.title");
        UUID service = uuid(errors, "serviceId", JsonInput.text(serviceId));
        List<LocalDate> dates = new ArrayList<>();
        if (sessions == null) {
            errors.reject("sessions", "group.error.sessions.empty");
        } else if (!(sessions instanceof List<?> list)) {
            errors.reject("sessions", "group.error.sessions.list");
        } else {
            for (int i = 0; i < list.size(); i++) {
                LocalDate date = errors.isoDate("sessions[" + i + "]", JsonInput.text(list.get(i)), true, "group.label.session");
                if (date != null) {
                    dates.add(date);
                }
            }
        }
        Long total = JsonInput.pence(totalPence, "totalPence", errors);
        Long each = JsonInput.pence(perSessionPence, "perSessionPence", errors);
        Money money = total(errors, totalPence == null && perSessionPence != null ? "perSessionPence" : "totalPence",
                total, each, dates.size(), totalPence == null && perSessionPence == null);
        GroupSplit how = split(errors, JsonInput.text(split));
        Integer most = whole(errors, "maxMembers", maxMembers);
        return finish(errors, today, name, service, dates, money, how, most);
    }

    /** From a page: pounds as typed, dates one a line ("14/1/2027" or "2027-01-14"). */
    public static GroupProposal readPage(FormErrors errors, LocalDate today, String title, String serviceId, String sessions,
                                         String cost, String costPer, String split, String maxMembers) {
        String name = errors.text("title", title, 120, true, "group.label.title");
        UUID service = uuid(errors, "serviceId", serviceId);
        List<LocalDate> dates = new ArrayList<>();
        if (sessions == null || sessions.isBlank()) {
            errors.reject("sessions", "group.error.sessions.empty");
        } else {
            for (String line : sessions.strip().split("\\s*[\\r\\n]+\\s*")) {
                LocalDate date = pageDate(line);
                if (date == null) {
                    errors.reject("sessions", "group.error.sessions.page-date", line.length() > 20 ? line.substring(0, 20) : line);
                } else {
                    dates.add(date);
                }
            }
        }
        Long pence = null;
        try {
            pence = Money.parsePositive(cost).pence();
        } catch (InvalidMoneyException e) {
            errors.reject("cost", "money.error." + e.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        boolean perSession = "SESSION".equals(costPer);
        Money money = pence == null ? null
                : total(errors, "cost", perSession ? null : pence, perSession ? pence : null, dates.size(), false);
        GroupSplit how = split(errors, split);
        Integer most = whole(errors, "maxMembers", maxMembers);
        return finish(errors, today, name, service, dates, money, how, most);
    }

    private static GroupProposal finish(FormErrors errors, LocalDate today, String name, UUID service, List<LocalDate> dates,
                                        Money money, GroupSplit how, Integer most) {
        if (!errors.has("sessions") && !dates.isEmpty()) {
            if (dates.stream().anyMatch(d -> !d.isAfter(today))) {
                errors.reject("sessions", "group.error.sessions.past");
            } else if (new TreeSet<>(dates).size() != dates.size()) {
                errors.reject("sessions", "group.error.sessions.twice");
            } else if (dates.size() > MOST_SESSIONS) {
                errors.reject("sessions", "group.error.sessions.too-many", MOST_SESSIONS);
            } else if (dates.stream().anyMatch(d -> d.isAfter(today.plusYears(2)))) {
                errors.reject("sessions", "group.error.sessions.too-far");
            }
        } else if (!errors.has("sessions") && dates.isEmpty() && !hasSessionError(errors)) {
            errors.reject("sessions", "group.error.sessions.empty");
        }
        if (most != null && (most < 2 || most > MOST_MEMBERS)) {
            errors.reject("maxMembers", "group.error.max-members", MOST_MEMBERS);
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new GroupProposal(name, service, new ArrayList<>(new TreeSet<>(dates)), money, how, most);
    }

    private static boolean hasSessionError(FormErrors errors) {
        return errors.list().stream().anyMatch(e -> e.field().startsWith("sessions"));
    }

    private static Money total(FormErrors errors, String field, Long total, Long perSession, int sessions, boolean missing) {
        if (missing) {
            errors.reject(field, "group.error.total.empty");
            return null;
        }
        if (errors.has(field)) {
            return null;
        }
        Long pence = total;
        if (pence == null && perSession != null) {
            if (perSession > 0 && perSession <= LARGEST_TOTAL.pence() && sessions > 0) {
                pence = perSession * Math.max(1, sessions);
            } else {
                pence = perSession;
            }
        }
        if (pence == null) {
            errors.reject(field, "group.error.total.empty");
            return null;
        }
        if (pence <= 0) {
            errors.reject(field, "money.error.zero");
            return null;
        }
        if (pence > LARGEST_TOTAL.pence()) {
            errors.reject(field, "group.error.total.too-large");
            return null;
        }
        return Money.ofPence(pence);
    }

    private static UUID uuid(FormErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "group.error.service.empty");
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "group.error.service.unknown");
            return null;
        }
    }

    private static GroupSplit split(FormErrors errors, String value) {
        if (value == null || value.isBlank()) {
            return GroupSplit.EQUAL;
        }
        try {
            return GroupSplit.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.reject("split", "group.error.split");
            return null;
        }
    }

    private static Integer whole(FormErrors errors, String field, Object value) {
        if (value == null || value.toString().isBlank()) {
            errors.reject(field, "group.error.max-members", MOST_MEMBERS);
            return null;
        }
        try {
            return new java.math.BigDecimal(value.toString().strip()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.reject(field, "group.error.max-members", MOST_MEMBERS);
            return null;
        }
    }

    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private static LocalDate pageDate(String text) {
        String t = text.strip().replace('.', '/').replace('-', '/').replace(' ', '/');
        try {
            if (t.matches("\\d{4}/\\d{1,2}/\\d{1,2}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            return LocalDate.parse(t, DAY_MONTH_YEAR);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
