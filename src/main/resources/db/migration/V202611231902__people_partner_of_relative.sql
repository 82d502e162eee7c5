-- The spouse or partner of a close relative is covered by regulation 3(3)(d)-(e) (England) and
-- the Welsh definition of "relative": give it its own relationship.
ALTER TABLE household_member DROP CONSTRAINT household_member_relationship_check;
ALTER TABLE household_member ADD CONSTRAINT household_member_relationship_check CHECK (relationship IN ('SPOUSE',
    'CIVIL_PARTNER', 'PARTNER', 'PARENT', 'PARENT_IN_LAW', 'STEP_PARENT', 'CHILD', 'CHILD_IN_LAW', 'STEPCHILD', 'SIBLING',
    'AUNT_UNCLE', 'GRANDPARENT', 'PARTNER_OF_RELATIVE', 'OTHER_RELATIVE', 'FRIEND', 'OTHER'));
