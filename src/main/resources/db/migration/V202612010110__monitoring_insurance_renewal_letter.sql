-- A new letter: the employer's liability insurance ends soon (sent by the daily reminder job).
-- A letter the service writes by itself carries a key, so a redelivered event writes it once.
ALTER TABLE letter_template DROP CONSTRAINT letter_template_kind_check;
ALTER TABLE letter_template ADD CONSTRAINT letter_template_kind_check
    CHECK (kind IN ('RETURN_DUE', 'QUESTION', 'SURPLUS_FOUND', 'REVIEW_DUE', 'INSURANCE_RENEWAL'));
ALTER TABLE letter ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX letter_idempotency_key_idx ON letter (idempotency_key) WHERE idempotency_key IS NOT NULL;
