package org.dphub.monitoring.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.dphub.monitoring.StatementLine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imports go through a temporary table filled by COPY, then one INSERT ... ON CONFLICT DO NOTHING
 * into the transactions (the database skips duplicates by its two unique indexes). All in the
 * caller's transaction: a file is imported whole or not at all.
 */
@Repository
public class TransactionImportRepository {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    TransactionImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public long startImport(long councilId, Long accountId, String format, String mapping, String filename, String by) {
        return jdbc.sql("""
                        INSERT INTO transaction_import (council_id, account_id, format, mapping, filename, imported_by)
                        VALUES (:c, :a, :f, :m, :n, :by) RETURNING id""")
                .param("c", councilId).param("a", accountId).param("f", format).param("m", mapping).param("n", filename)
                .param("by", by).query(Long.class).single();
    }

    /** A sink for lines: each is written to the staging table as it is read. Close it to finish the COPY. */
    public final class Staging implements Consumer<StatementLine>, AutoCloseable {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 16);

        Staging(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void accept(StatementLine line) {
            buffer.append(line.line()).append('\t')
                    .append(line.account() == null ? "\\N" : accountNumber(line.account())).append('\t')
                    .append(line.account() == null ? "\\N" : escape(line.account())).append('\t')
                    .append(line.date()).append('\t')
                    .append(escape(line.description())).append('\t')
                    .append(line.amountPence()).append('\t')
                    .append(line.transactionId() == null ? "\\N" : escape(line.transactionId())).append('\n');
            if (buffer.length() > 60_000) {
                flush();
            }
        }

        private void flush() {
            try {
                byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                buffer.setLength(0);
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage the file", e);
            }
        }

        @Override
        public void close() {
            try {
                if (copy.isActive()) {
                    flush();
                    copy.endCopy();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not stage the file", e);
            }
        }

        /** Abandons the COPY (the file was refused). */
        public void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the transaction is rolled back anyway
            }
        }
    }

    /** "123" or "DPHUB 123" (the card reference) → 123; anything else → -1, which matches no account. */
    static String accountNumber(String reference) {
        String digits = reference.strip().toUpperCase(java.util.Locale.ROOT).startsWith("DPHUB ")
                ? reference.strip().substring(6).strip() : reference.strip();
        return digits.matches("\\d{1,18}") ? digits : "-1";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Creates the staging table for this transaction and opens a COPY into it. */
    public Staging stage() {
        jdbc.sql("""
                        CREATE TEMP TABLE IF NOT EXISTS import_staging (line INT, account_id BIGINT, account_ref TEXT, booked_on DATE,
                            description TEXT, amount_pence BIGINT, transaction_id TEXT) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE import_staging").update();
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY import_staging (line, account_id, account_ref, booked_on, description, amount_pence, transaction_id) FROM STDIN");
            return new Staging(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the file", e);
        }
    }

    /** Lines of a provider's file whose account is not one of the council's: (line, reference). */
    public List<Object[]> unknownAccounts(long councilId, int limit) {
        return jdbc.sql("""
                        SELECT min(s.line) AS line, s.account_ref FROM import_staging s
                        WHERE NOT EXISTS (SELECT 1 FROM dp_account a WHERE a.id = s.account_id AND a.council_id = :c)
                        GROUP BY s.account_ref ORDER BY 1 LIMIT :limit""")
                .param("c", councilId).param("limit", limit)
                .query((rs, row) -> new Object[] {rs.getInt(1), rs.getString(2)}).list();
    }

    /** The lines an import added: how many, and the lowest and highest of their ids. */
    public record Inserted(int count, long firstId, long lastId) {
    }

    /** Moves the staged lines into the transactions, skipping those already there; says which went in. */
    public Inserted insertStaged(long councilId, long importId, Long accountId) {
        return jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO account_transaction (council_id, account_id, import_id, booked_on, description, amount_pence,
                                                             transaction_id)
                            SELECT :c, coalesce(CAST(:account AS bigint), s.account_id), :import, s.booked_on, s.description,
                                   s.amount_pence, s.transaction_id
                            FROM import_staging s
                            ON CONFLICT DO NOTHING
                            RETURNING id)
                        SELECT count(*), coalesce(min(id), 0), coalesce(max(id), -1) FROM inserted""")
                .param("c", councilId).param("account", accountId).param("import", importId)
                .query((rs, row) -> new Inserted(rs.getInt(1), rs.getLong(2), rs.getLong(3))).single();
    }

    /** A line the import added, as the ledger needs it. */
    public record ImportedLine(long id, long accountId, LocalDate bookedOn, long amountPence, String description) {
    }

    /**
     * Every line the import added, in id order, a page at a time (by the primary key, so no cursor
     * is held open and the caller may use the connection between pages).
     */
    public void forEachInserted(long importId, Inserted inserted, Consumer<ImportedLine> each) {
        long after = inserted.firstId() - 1;
        while (after < inserted.lastId()) {
            List<ImportedLine> page = jdbc.sql("""
                            SELECT id, account_id, booked_on, amount_pence, description FROM account_transaction
                            WHERE id > :after AND id <= :last AND import_id = :import ORDER BY id LIMIT :page""")
                    .param("after", after).param("last", inserted.lastId()).param("import", importId).param("page", PAGE)
                    .query((rs, row) -> new ImportedLine(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                            rs.getLong(4), rs.getString(5)))
                    .list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(each);
            after = page.get(page.size() - 1).id();
        }
    }

    static final int PAGE = 50_000;

    public void finishImport(long importId, int lines, int imported) {
        jdbc.sql("UPDATE transaction_import SET lines = :l, imported = :i, duplicates = :l - :i WHERE id = :id")
                .param("l", lines).param("i", imported).param("id", importId).update();
    }

    /** A council's saved CSV layout by name (the newest version). */
    public java.util.Optional<org.dphub.monitoring.CsvMapping> mapping(long councilId, String name) {
        return jdbc.sql("""
                        SELECT name, date_column, description_column, amount_column, transaction_id_column, account_column
                        FROM csv_mapping WHERE council_id = :c AND name = :n ORDER BY id DESC LIMIT 1""")
                .param("c", councilId).param("n", name)
                .query((rs, row) -> new org.dphub.monitoring.CsvMapping(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    public void saveMapping(long councilId, org.dphub.monitoring.CsvMapping m, String by) {
        jdbc.sql("""
                        INSERT INTO csv_mapping (council_id, name, date_column, description_column, amount_column,
                            transaction_id_column, account_column, created_by)
                        VALUES (:c, :n, :d, :desc, :a, :t, :acc, :by)""")
                .param("c", councilId).param("n", m.name()).param("d", m.date()).param("desc", m.description())
                .param("a", m.amount()).param("t", m.transactionId()).param("acc", m.account()).param("by", by).update();
    }
}
