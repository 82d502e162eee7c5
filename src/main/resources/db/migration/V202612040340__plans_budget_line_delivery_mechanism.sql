-- How each part of a personal budget is taken (issue 16): every line written before this was a
-- direct payment, so that is the default. Adding a column with a default rewrites no row, so the
-- append-only trigger on plan_budget_line is not fired.
ALTER TABLE plan_budget_line
    ADD COLUMN delivery_mechanism TEXT NOT NULL DEFAULT 'DIRECT_PAYMENT'
        CHECK (delivery_mechanism IN ('DIRECT_PAYMENT', 'INDIVIDUAL_SERVICE_FUND', 'COUNCIL_MANAGED_BUDGET',
                                      'COUNCIL_COMMISSIONED'));
