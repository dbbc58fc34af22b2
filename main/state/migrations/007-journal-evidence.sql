-- Tamper evidence for the journal (issue 14 §6) and coarse ticket times.
--
-- The escape hatch of retention (a row in journal_retention lets the delete trigger pass) and the anchor it moves
-- (journal_anchor) now need a record in the chain first: the journal's last row must be a 'journal.retention' event
-- naming the cut (detail "UNTIL" or "UNTIL:MAC", the MAC made with the site's journal key outside this file). A
-- plain SQL delete therefore leaves a chained, dated row saying what was removed; without the key that row can be
-- forged, but it can never be removed again without breaking the chain or an anchor written down before it, and with
-- the key `journal verify` refuses a cut whose MAC does not match. Dropping the triggers stays possible for whoever
-- holds the file: what it removes is then found by verify (a cut without its record) or by an anchor taken before.

-- A cut made before this migration has no record in the chain: it is remembered once, and this table never changes.
CREATE TABLE journal_cut_before_007 (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_removed_id INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

INSERT INTO journal_cut_before_007 (id, last_removed_id, hash) SELECT 1, last_removed_id, hash FROM journal_anchor;

CREATE TRIGGER journal_cut_before_007_fixed_insert BEFORE INSERT ON journal_cut_before_007
BEGIN
  SELECT RAISE(ABORT, 'cuts before migration 007 are fixed');
END;

CREATE TRIGGER journal_cut_before_007_fixed_update BEFORE UPDATE ON journal_cut_before_007
BEGIN
  SELECT RAISE(ABORT, 'cuts before migration 007 are fixed');
END;

CREATE TRIGGER journal_cut_before_007_fixed_delete BEFORE DELETE ON journal_cut_before_007
BEGIN
  SELECT RAISE(ABORT, 'cuts before migration 007 are fixed');
END;

CREATE TRIGGER journal_retention_needs_record BEFORE INSERT ON journal_retention
WHEN NOT EXISTS (
  SELECT 1 FROM journal
  WHERE id = (SELECT max(id) FROM journal) AND id > NEW.until_id AND event = 'journal.retention'
    AND (detail = CAST(NEW.until_id AS TEXT) OR detail LIKE CAST(NEW.until_id AS TEXT) || ':%')
)
BEGIN
  SELECT RAISE(ABORT, 'retention is recorded in the journal before it removes rows');
END;

CREATE TRIGGER journal_anchor_needs_record_insert BEFORE INSERT ON journal_anchor
WHEN NOT EXISTS (
  SELECT 1 FROM journal
  WHERE id = (SELECT max(id) FROM journal) AND id > NEW.last_removed_id AND event = 'journal.retention'
    AND (detail = CAST(NEW.last_removed_id AS TEXT) OR detail LIKE CAST(NEW.last_removed_id AS TEXT) || ':%')
)
BEGIN
  SELECT RAISE(ABORT, 'retention is recorded in the journal before it moves the anchor');
END;

CREATE TRIGGER journal_anchor_needs_record_update BEFORE UPDATE ON journal_anchor
WHEN NOT EXISTS (
  SELECT 1 FROM journal
  WHERE id = (SELECT max(id) FROM journal) AND id > NEW.last_removed_id AND event = 'journal.retention'
    AND (detail = CAST(NEW.last_removed_id AS TEXT) OR detail LIKE CAST(NEW.last_removed_id AS TEXT) || ':%')
)
BEGIN
  SELECT RAISE(ABORT, 'retention is recorded in the journal before it moves the anchor');
END;

CREATE TRIGGER journal_anchor_no_delete BEFORE DELETE ON journal_anchor
BEGIN
  SELECT RAISE(ABORT, 'the journal anchor only moves forward');
END;

-- Resume tickets expire at a day's end (UTC midnight after the exact time): a slip's date, never a time that could
-- be matched to a journal row. Existing tickets are coarsened the same way (no hash covers them).
UPDATE resume_ticket SET expires_at = date(expires_at, '+1 day') || 'T00:00:00.000Z'
WHERE expires_at NOT LIKE '%T00:00:00.000Z';

CREATE TRIGGER resume_ticket_expiry_day AFTER INSERT ON resume_ticket
WHEN NEW.expires_at NOT LIKE '%T00:00:00.000Z'
BEGIN
  UPDATE resume_ticket SET expires_at = date(NEW.expires_at, '+1 day') || 'T00:00:00.000Z' WHERE code = NEW.code;
END;
