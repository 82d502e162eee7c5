-- Issue 18: a cover shift may end the next morning (a night shift 22:00-07:00 is normal for PAs).
-- An end time earlier than the start is the next day; only the same time is refused (help.CoverBookings
-- checks it first, with words). Overlaps and "ended" are worked out from the real start and end.
ALTER TABLE cover_booking DROP CONSTRAINT cover_booking_check;
ALTER TABLE cover_booking ADD CONSTRAINT cover_booking_ends_another_time CHECK (ends_at <> starts_at);
