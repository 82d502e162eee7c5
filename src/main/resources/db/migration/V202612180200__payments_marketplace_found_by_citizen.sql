-- Issue 17: two reads of every citizen's home page found their rows by the person alone, where the only
-- index leads with the council (council_id, citizen_id), so PostgreSQL read the whole index instead:
-- - the financial returns (monitoring.Returns) join the person's accounts by citizen_id: 41 index pages for
--   their 2 accounts in a council of 10,000 direct payments; at the national scale of docs/SCALING.md
--   (250,000 accounts in one database) about a thousand, on every home page;
-- - the PAs' interest in a person's vacancies (marketplace.IntroductionRepository) looks their vacancies
--   up by citizen_id (and, rewritten with this change, no longer scans every introduction).
-- Found by bin/bench load once it ran on a council's data (docs/PERFORMANCE.md, "A council's data").
CREATE INDEX dp_account_citizen_only_idx ON dp_account (citizen_id);
CREATE INDEX vacancy_citizen_only_idx ON vacancy (citizen_id);
