-- The national analyst (issue 16): reads every council's figures with small numbers suppressed, and
-- nothing else. Not council staff: such an account has no council and no other role (checked when
-- the account is made, identity.NewUserAccount).
ALTER TABLE app_user_role DROP CONSTRAINT app_user_role_role_check;
ALTER TABLE app_user_role ADD CONSTRAINT app_user_role_role_check
    CHECK (role IN ('CITIZEN', 'REPRESENTATIVE', 'PERSONAL_ASSISTANT', 'PROVIDER', 'PRACTITIONER', 'BUDGET_HOLDER',
                    'DP_TEAM', 'FINANCE', 'COUNCIL_ADMIN', 'NATIONAL_ANALYST'));
