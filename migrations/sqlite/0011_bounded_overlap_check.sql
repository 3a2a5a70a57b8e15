-- 0011: the no-double-booking triggers look only at bookings that can overlap. A booking's
-- busy time is at most 1440 + 240 + 240 minutes (duration and both buffers, service rules), so
-- one that overlaps NEW starts less than two days before NEW's busy time: with that lower
-- bound the check is a short range of index bookings_staff_busy instead of every earlier
-- booking of the member (which made each insert slower as history grew). A busy time longer
-- than two days is refused outright, so the bound holds whatever writes the row.

DROP TRIGGER bookings_no_overlap_insert;
DROP TRIGGER bookings_no_overlap_update;

CREATE TRIGGER bookings_busy_length_insert BEFORE INSERT ON bookings
WHEN NEW.busy_until - NEW.busy_from > 172800000
BEGIN
  SELECT RAISE(ABORT, 'booking_too_long');
END;
CREATE TRIGGER bookings_busy_length_update BEFORE UPDATE OF busy_from, busy_until ON bookings
WHEN NEW.busy_until - NEW.busy_from > 172800000
BEGIN
  SELECT RAISE(ABORT, 'booking_too_long');
END;

CREATE TRIGGER bookings_no_overlap_insert BEFORE INSERT ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND EXISTS (
  SELECT 1 FROM bookings b WHERE b.workspace_id = NEW.workspace_id AND b.staff_id = NEW.staff_id
    AND b.busy_from > NEW.busy_from - 172800000 AND b.busy_from < NEW.busy_until
    AND b.status IN ('pending', 'confirmed') AND NEW.busy_from < b.busy_until)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;
CREATE TRIGGER bookings_no_overlap_update
BEFORE UPDATE OF staff_id, status, busy_from, busy_until ON bookings
WHEN NEW.status IN ('pending', 'confirmed') AND EXISTS (
  SELECT 1 FROM bookings b WHERE b.workspace_id = NEW.workspace_id
    AND b.staff_id = NEW.staff_id AND b.id <> NEW.id
    AND b.busy_from > NEW.busy_from - 172800000 AND b.busy_from < NEW.busy_until
    AND b.status IN ('pending', 'confirmed') AND NEW.busy_from < b.busy_until)
BEGIN
  SELECT RAISE(ABORT, 'booking_overlap');
END;
