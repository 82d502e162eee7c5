package org.dphub.directory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.LocalDate;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.shared.Money;
import org.springframework.stereotype.Component;

/**
 * The letters the directory writes, through {@link Letters#sendOnce} in the caller's transaction
 * (a rollback writes none), each at most once for its key, so a repeated request writes nothing
 * twice. Values are the words the shipped templates (resources/letters) fill in; dates go as ISO
 * dates, which {@code letters} writes as "5 December 2026" or "5 Rhagfyr 2026".
 */
@Component
class DirectoryLetters {

    private final Letters letters;

    DirectoryLetters(Letters letters) {
        this.letters = letters;
    }

    /** A provider asked the person to pay: what, how much, and where to agree or ask. Key "payment-request:{id}:sent". */
    void paymentRequested(PaymentRequests.Row row) {
        letters.sendOnce(row.councilId(), row.citizenId(), LetterKind.PAYMENT_REQUESTED, values(
                "provider", row.organizationName(), "service", row.serviceName(), "what", row.description(),
                "amount", row.amount().formatWithPence(), "reference", row.reference()),
                "payment-request:" + row.id() + ":sent");
    }

    /** The organiser invited the member: the group, the dates and their share for now. */
    void invited(GroupPurchase group, GroupMember member) {
        List<LocalDate> theirs = group.sessionsFrom(member.firstSession());
        letters.sendOnce(member.councilId(), member.citizenId(), LetterKind.GROUP_INVITED, values(
                "title", group.title(), "organiser", group.organiserName(), "service", group.serviceName(),
                "provider", group.organizationName(), "sessions", String.valueOf(theirs.size()),
                "first", theirs.get(0).toString(), "last", theirs.get(theirs.size() - 1).toString(),
                "share", member.share().formatWithPence()),
                "group:" + group.id() + ":member:" + member.id() + ":invited");
    }

    /** The group was confirmed and the member's share charged: their share and their dates. */
    void confirmed(GroupPurchase group, GroupMember member) {
        List<LocalDate> theirs = group.sessionsFrom(member.firstSession());
        letters.sendOnce(member.councilId(), member.citizenId(), LetterKind.GROUP_CONFIRMED, values(
                "title", group.title(), "service", group.serviceName(), "provider", group.organizationName(),
                "sessions", String.valueOf(theirs.size()), "first", theirs.get(0).toString(),
                "last", theirs.get(theirs.size() - 1).toString(), "share", member.share().formatWithPence()),
                "group:" + group.id() + ":member:" + member.id() + ":confirmed");
    }

    /** The member left a group they had paid for: what they get back, for how many sessions not yet held. */
    void left(GroupPurchase group, GroupMember member, Money refund, int notYetHeld) {
        letters.sendOnce(member.councilId(), member.citizenId(), LetterKind.GROUP_LEFT, values(
                "title", group.title(), "refund", refund.formatWithPence(), "unheld", String.valueOf(notYetHeld)),
                "group:" + group.id() + ":member:" + member.id() + ":left");
    }

    /** Someone else left a confirmed group: this member's share stays as it was. */
    void memberLeft(GroupPurchase group, GroupMember member, long leaverId) {
        List<LocalDate> sessions = group.sessions();
        letters.sendOnce(member.councilId(), member.citizenId(), LetterKind.GROUP_MEMBER_LEFT, values(
                "title", group.title(), "share", member.share().formatWithPence(),
                "last", sessions.get(sessions.size() - 1).toString()),
                "group:" + group.id() + ":member:" + member.id() + ":member-left:" + leaverId);
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return map;
    }
}
