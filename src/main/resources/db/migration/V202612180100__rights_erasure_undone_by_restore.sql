-- Issue 17: erasures a restore from a backup undid. A backup taken before a person was erased holds
-- their data; restoring it (bin/restore --replace) brings that data back, and the DP team must carry
-- the erasure out again. bin/restore writes one row here, in the restored database, for each erasure
-- the database it replaced had and the backup has not, of someone the backup holds; the DP team of the
-- council sees them until each is erased again (a personal_data_redaction ERASURE row for them).
--
-- bin/restore runs this very file (shared.database.Backups) before writing, as the backup may be of a
-- dphub older than this migration; hence IF NOT EXISTS, so that Flyway running it later changes nothing.
-- A later change to the table is a later migration, and bin/restore writes only these columns.
-- Rows are never changed or deleted.
CREATE TABLE IF NOT EXISTS personal_data_erasure_undone (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the council whose DP team carried it out; none for a PA who registered with none and left themself
    council_id   BIGINT REFERENCES council (id),
    whose        TEXT NOT NULL CHECK (whose IN ('person', 'PA', 'representative', 'provider')),
    -- the citizen, PA profile or representative id, or the directory organisation's uuid
    subject_id   TEXT NOT NULL,
    erased_at    TIMESTAMPTZ NOT NULL,
    erased_by    TEXT NOT NULL,
    restored_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the backup file's name (not its folder)
    backup       TEXT NOT NULL,
    UNIQUE (whose, subject_id, erased_at)
);
