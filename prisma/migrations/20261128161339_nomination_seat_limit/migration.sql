-- Hand-written: rules Prisma's schema cannot express.

-- Seats and times that make sense, whatever code writes them.
ALTER TABLE "ReviewSession"
  ADD CONSTRAINT "ReviewSession_seats_check" CHECK ("panelistSeats" BETWEEN 0 AND 50 AND "rapporteurSeats" BETWEEN 0 AND 10 AND "moderatorSeats" BETWEEN 0 AND 10),
  ADD CONSTRAINT "ReviewSession_times_check" CHECK ("endsAt" > "startsAt");

-- Seats are never exceeded, even when two committee members select at the same moment: the
-- session row is locked before counting, so a second selection waits for the first to commit
-- and then sees it (each statement of this function takes a fresh snapshot).
CREATE FUNCTION puente_nomination_seat_limit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  seats integer;
  taken integer;
BEGIN
  IF NEW.status <> 'SELECTED' OR (TG_OP = 'UPDATE' AND OLD.status = 'SELECTED') THEN
    RETURN NEW;
  END IF;
  SELECT CASE NEW.role
           WHEN 'PANELIST' THEN "panelistSeats"
           WHEN 'RAPPORTEUR' THEN "rapporteurSeats"
           ELSE "moderatorSeats" END
    INTO seats
    FROM "ReviewSession" WHERE id = NEW."sessionId" FOR UPDATE;
  SELECT count(*) INTO taken FROM "Nomination"
    WHERE "sessionId" = NEW."sessionId" AND role = NEW.role AND status = 'SELECTED' AND id <> NEW.id;
  IF taken + 1 > seats THEN
    RAISE EXCEPTION 'nomination_seats_full' USING ERRCODE = 'PU001';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "Nomination_seat_limit"
  BEFORE INSERT OR UPDATE OF status ON "Nomination"
  FOR EACH ROW EXECUTE FUNCTION puente_nomination_seat_limit();
