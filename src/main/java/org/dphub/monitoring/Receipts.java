package org.dphub.monitoring;

import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.Accounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FileProblem;
import org.dphub.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts, only when the council asks for them for a return, and only for items over its
 * threshold: a PDF, JPEG or PNG photo of up to 10 MB. Anything else — an executable, a zip, a
 * document pretending to be a picture — is refused with a clear message.
 */
@Service
public class Receipts {

    public static final int LARGEST = 10 * 1024 * 1024;

    public record Receipt(long id, long returnId, long transactionId, String filename, String contentType, int size) {
    }

    /** A receipt that cannot be taken; {@code key} names the same words in the message files (English and Welsh). */
    public static final class Refused extends FileProblem {
        private final String key;

        Refused(String key, String english) {
            super(List.of(new LineError(0, english)));
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    private final JdbcClient jdbc;
    private final Returns returns;
    private final Accounts accounts;
    private final AuditTrail audit;

    Receipts(JdbcClient jdbc, Returns returns, Accounts accounts, AuditTrail audit) {
        this.jdbc = jdbc;
        this.returns = returns;
        this.accounts = accounts;
        this.audit = audit;
    }

    /** Finance or the direct payments team ask the person for receipts for a return (over the threshold only). */
    @Transactional
    public void request(SignedInUser staff, long returnId) {
        if (!(staff.has(Role.FINANCE) || staff.has(Role.DP_TEAM))) {
            throw new AccessDeniedException("Only finance and the direct payments team ask for receipts");
        }
        Returns.FinancialReturn r = returns.find(staff, returnId).filter(x -> staff.isStaff()).orElseThrow(NotFound::new);
        if (!requested(returnId)) {
            jdbc.sql("INSERT INTO financial_return_event (return_id, event, by_user) VALUES (:r, 'RECEIPTS_REQUESTED', :by)")
                    .param("r", returnId).param("by", staff.username()).update();
            audit.record(staff.councilId(), "financial_return", returnId, AuditAction.UPDATE, null,
                    AuditTrail.values("receiptsRequested", true, "accountId", r.accountId()));
        }
    }

    public boolean requested(long returnId) {
        return jdbc.sql("SELECT count(*) FROM financial_return_event WHERE return_id = :r AND event = 'RECEIPTS_REQUESTED'")
                .param("r", returnId).query(Long.class).single() > 0;
    }

    /** The items of a return that need a receipt (when asked): money out over the threshold. */
    @Transactional(readOnly = true)
    public List<AccountTransaction> itemsNeedingReceipts(SignedInUser user, Returns.FinancialReturn r) {
        if (!requested(r.id())) {
            return List.of();
        }
        return returns.transactions(user, r).stream()
                .filter(t -> t.amount().isNegative() && t.amount().negate().isGreaterThan(r.receiptsThreshold())).toList();
    }

    /** The person (or someone acting for them) uploads a receipt for one of those items. */
    @Transactional
    public Receipt upload(SignedInUser user, long returnId, long transactionId, String filename, byte[] content) {
        Returns.FinancialReturn r = returns.find(user, returnId).orElseThrow(NotFound::new);
        if (itemsNeedingReceipts(user, r).stream().noneMatch(t -> t.id() == transactionId)) {
            throw new Refused("receipts.error.notNeeded", "No receipt is needed for that payment. We only ask for receipts when we need them.");
        }
        if (content.length == 0) {
            throw new Refused("receipts.error.empty", "The file is empty. Choose a photo or PDF of the receipt.");
        }
        if (content.length > LARGEST) {
            throw new Refused("receipts.error.tooLarge", "The file is larger than 10 MB. Take a smaller photo, or save it as a PDF.");
        }
        String type = type(content);
        if (type == null) {
            throw new Refused("receipts.error.type", "The file must be a PDF, or a JPG or PNG photo of the receipt.");
        }
        String name = filename == null || filename.isBlank() ? "receipt" : filename.strip();
        name = name.length() > 200 ? name.substring(name.length() - 200) : name;
        long id = jdbc.sql("""
                        INSERT INTO return_receipt (return_id, transaction_id, filename, content_type, size_bytes, content, uploaded_by)
                        VALUES (:r, :t, :n, :c, :s, :b, :by) RETURNING id""")
                .param("r", returnId).param("t", transactionId).param("n", name).param("c", type).param("s", content.length)
                .param("b", content).param("by", user.username()).query(Long.class).single();
        audit.record(accounts.find(user, r.accountId()).orElseThrow().account().councilId(), "return_receipt", id, AuditAction.CREATE,
                null, AuditTrail.values("returnId", returnId, "transactionId", transactionId, "contentType", type, "size", content.length));
        return new Receipt(id, returnId, transactionId, name, type, content.length);
    }

    /** What the file really is, by its first bytes (the name and the browser's word are not trusted). */
    static String type(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 13 && b[5] == 10
                && b[6] == 26 && b[7] == 10) {
            return "image/png";
        }
        return null;
    }

    @Transactional(readOnly = true)
    public List<Receipt> forReturn(SignedInUser user, long returnId) {
        returns.find(user, returnId).orElseThrow(NotFound::new);
        return jdbc.sql("SELECT id, return_id, transaction_id, filename, content_type, size_bytes FROM return_receipt WHERE return_id = :r ORDER BY id")
                .param("r", returnId).query((rs, n) -> new Receipt(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6))).list();
    }

    /** The file, for the person and staff of their council. */
    @Transactional(readOnly = true)
    public Optional<Object[]> content(SignedInUser user, long receiptId) {
        return jdbc.sql("SELECT return_id, content_type, filename, content FROM return_receipt WHERE id = :id").param("id", receiptId)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4)}).optional()
                .filter(row -> returns.find(user, (Long) row[0]).isPresent());
    }
}
