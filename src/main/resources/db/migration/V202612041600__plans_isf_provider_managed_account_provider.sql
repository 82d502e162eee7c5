-- Issue 18: a budget line taken as an individual service fund names the provider that holds it, an
-- organisation of the council's community directory (checked when the plan is written; the name is
-- kept as it was then). New nullable columns rewrite no row, so the append-only trigger is not fired.
ALTER TABLE plan_budget_line
    ADD COLUMN isf_organization_id UUID,
    ADD COLUMN isf_organization_name TEXT CHECK (length(isf_organization_name) BETWEEN 1 AND 200),
    ADD CONSTRAINT plan_budget_line_isf_provider_check
        CHECK ((isf_organization_id IS NULL) = (isf_organization_name IS NULL)
               AND (isf_organization_id IS NULL OR delivery_mechanism = 'INDIVIDUAL_SERVICE_FUND'));

-- Issue 18: the managed-account provider (payroll bureau) that holds a managed-account direct
-- payment: a directory organisation (id and name) or a name typed in (id empty).
ALTER TABLE direct_payment
    ADD COLUMN managed_account_provider_id UUID,
    ADD COLUMN managed_account_provider_name TEXT CHECK (length(managed_account_provider_name) BETWEEN 1 AND 200),
    ADD CONSTRAINT direct_payment_managed_provider_check
        CHECK ((managed_account_provider_id IS NULL OR managed_account_provider_name IS NOT NULL)
               AND (managed_account_provider_name IS NULL OR account_type = 'MANAGED_ACCOUNT'));
