-- issue 14: a practitioner's own one-off payments, newest first (/one-off-payments), and the count on their home page
CREATE INDEX one_off_payment_requested_by_idx ON one_off_payment (council_id, requested_by, requested_at DESC, id DESC);
