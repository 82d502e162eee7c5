package org.dphub.shared.personaldata;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Implemented by a bean in each module that holds personal data (UK GDPR, issue 17): what it holds
 * about a person for a subject access request, what it removes on erasure and what it keeps and
 * why, and what it anonymises once the money records' retention time is up. The {@code rights}
 * module collects every source; a module reads only its own tables, so no module reaches into
 * another. Citizens and users are {@code citizen.id} and {@code app_user.id} (both {@code bigint}).
 */
public interface PersonalDataSource {

    /** The section's key: the JSON field, and the message {@code rights.section.<key>} for its heading. */
    String section();

    /**
     * The tables whose rows about a person this source reads (and erases or keeps). A test checks
     * that every table with a {@code citizen_id} column is named by some source.
     */
    Set<String> tables();

    /** What this module holds about a citizen of this council; empty when it holds nothing. */
    Optional<Section> forCitizen(long councilId, long citizenId);

    /** What this module holds about a sign-in account (a PA, a representative, staff): empty by default. */
    default Optional<Section> forUser(long userId) {
        return Optional.empty();
    }

    /**
     * Why the person's data cannot be erased yet (money still held): message keys such as
     * {@code rights.block.balance}; empty when nothing stands in the way.
     */
    default List<String> blocksErasure(long councilId, long citizenId) {
        return List.of();
    }

    /** The last day money was paid for the person (a direct payment's end), from which the money records are kept. */
    default Optional<LocalDate> moneyRecordsFrom(long councilId, long citizenId) {
        return Optional.empty();
    }

    /**
     * Removes or anonymises what no law keeps, in the caller's transaction (which has recorded the
     * step, so append-only rows may be redacted), and says what was kept and why.
     */
    default Redacted erase(Redaction redaction) {
        return Redacted.NOTHING;
    }

    /** Anonymises the money records kept at erasure, once their retention time is up. */
    default Redacted anonymiseMoneyRecords(Redaction redaction) {
        return Redacted.NOTHING;
    }

    /**
     * Why a PA who leaves the register cannot be erased yet (message keys such as
     * {@code rights.block.pa-employment}): an employment not ended, pay not yet approved, cover to come.
     */
    default List<String> blocksPaErasure(long paProfileId, long userId, LocalDate today) {
        return List.of();
    }

    /** Removes or anonymises what no law keeps about a PA, as {@link #erase} does for a citizen. */
    default Redacted erasePa(PaRedaction redaction) {
        return Redacted.NOTHING;
    }

    /** The last day of the PA's last employment, from which their payroll records are kept. */
    default Optional<LocalDate> paMoneyRecordsFrom(long paProfileId, long userId) {
        return Optional.empty();
    }

    /** Anonymises a PA's payroll records kept at erasure, once their retention time is up. */
    default Redacted anonymisePaMoneyRecords(PaRedaction redaction) {
        return Redacted.NOTHING;
    }

    /**
     * Removes what this module holds about someone who acted for a person and no longer does, at their
     * request (issue 17), in the caller's transaction; nothing by default. What is the person's record
     * (who acted for them, and when) stays with it.
     */
    default Redacted eraseRepresentative(RepresentativeRedaction redaction) {
        return Redacted.NOTHING;
    }

    /**
     * Why a provider who leaves the directory cannot be erased yet (message keys such as
     * {@code rights.block.provider-unpaid}): money still to be paid to them, a person's regular payment to
     * them not stopped, a request for payment not yet settled, buying together not finished.
     */
    default List<String> blocksProviderErasure(UUID organizationId, LocalDate today) {
        return List.of();
    }

    /** Removes what no law keeps about a provider who leaves the directory (issue 17), as {@link #erase} does for a citizen. */
    default Redacted eraseProvider(ProviderRedaction redaction) {
        return Redacted.NOTHING;
    }

    /** The last day money was paid to the provider, from which the money records naming them are kept. */
    default Optional<LocalDate> providerMoneyRecordsFrom(UUID organizationId) {
        return Optional.empty();
    }

    /** Anonymises the money records naming a provider kept at erasure, once their retention time is up. */
    default Redacted anonymiseProviderMoneyRecords(ProviderRedaction redaction) {
        return Redacted.NOTHING;
    }

    /**
     * A step for a provider who left the directory: its id in {@code personal_data_redaction}, the council whose
     * DP team checks the provider, their organisation in the directory and its services, their sign-in
     * ({@code app_user.id}, null for an organisation from a council's feed) and today.
     */
    record ProviderRedaction(long id, long councilId, UUID organizationId, List<UUID> serviceIds, Long userId, LocalDate today) {
        public ProviderRedaction {
            serviceIds = List.copyOf(serviceIds);
        }
    }

    /**
     * A step for a former representative: its id in {@code personal_data_redaction}, the council that
     * holds the person's record, the person, the representative's row, their sign-in ({@code app_user.id},
     * null when they had none), whether that sign-in closes (it does not while it is used for anything
     * else: acting for someone, or the person's own account as a citizen or PA), and today.
     */
    record RepresentativeRedaction(long id, long councilId, long citizenId, long representativeId, Long userId, boolean closeAccount,
                                   LocalDate today) {
    }

    /**
     * A step for a PA who left the register: its id in {@code personal_data_redaction}, the council
     * they registered with (null for a PA who registered with none), their profile, their own sign-in
     * ({@code app_user.id}) and today.
     */
    record PaRedaction(long id, Long councilId, long paProfileId, long userId, LocalDate today) {
    }

    /**
     * The step being carried out: its id in {@code personal_data_redaction}, the person, their own
     * sign-in accounts ({@code app_user.id}, not those of people acting for them), and today.
     */
    record Redaction(long id, long councilId, long citizenId, List<Long> userIds, LocalDate today) {
        public Redaction {
            userIds = List.copyOf(userIds);
        }
    }

    /** A section of a subject access answer: named tables of rows, each row its columns and values. */
    record Section(String key, List<Table> tables) {
        public Section {
            tables = List.copyOf(tables);
        }
    }

    /** A table of a section: its key (the message {@code rights.table.<key>} names it) and its rows. */
    record Table(String key, List<java.util.Map<String, Object>> rows) {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** What a step removed, and what it kept and why: message keys. */
    record Redacted(List<String> removed, List<Kept> kept) {
        public static final Redacted NOTHING = new Redacted(List.of(), List.of());

        public Redacted {
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }

        public static Redacted removed(String... keys) {
            return new Redacted(List.of(keys), List.of());
        }

        public static Redacted kept(String what, String why) {
            return new Redacted(List.of(), List.of(new Kept(what, why)));
        }

        public Redacted and(Redacted other) {
            var r = new java.util.ArrayList<>(removed);
            r.addAll(other.removed);
            var k = new java.util.ArrayList<>(kept);
            k.addAll(other.kept);
            return new Redacted(r, k);
        }
    }

    /** Something kept: what it is and the law or rule that keeps it (message keys). */
    record Kept(String what, String why) {
    }
}
