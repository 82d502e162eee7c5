-- Issue 17: every citizen's home page asks for the group purchases they are invited to join
-- (directory.GroupPurchases, by the people the signed-in person is or acts for), and their groups page
-- for the groups they are in: both find directory_group_member rows by citizen_id alone, where the only
-- index leads with the council (council_id, citizen_id), so PostgreSQL would read all of it, a council's
-- or the nation's members, on every home page. The same as dp_account and vacancy in the migration
-- before this one (docs/PERFORMANCE.md, "A council's data").
CREATE INDEX directory_group_member_citizen_only_idx ON directory_group_member (citizen_id);
