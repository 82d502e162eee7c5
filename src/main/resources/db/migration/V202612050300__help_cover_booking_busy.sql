-- Issue 18: a PA already booked for cover (accepted or worked) is not offered, asked or accepted for
-- an overlapping shift; an accepted booking becomes WORKED when the employer approves the PA's
-- timesheet with work on that day. These indexes serve those two look-ups.
CREATE INDEX cover_booking_busy_idx ON cover_booking (cover_date, starts_at) WHERE status IN ('ACCEPTED', 'WORKED');
CREATE INDEX cover_booking_employment_idx ON cover_booking (employment_id, cover_date) WHERE status = 'ACCEPTED';
