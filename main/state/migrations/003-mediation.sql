-- Assisted mode: mediator accounts, the append-only journal of accompaniments (hash-chained), the activity
-- figures that outlive it, and resume tickets. Nothing here identifies a visitor or holds what anyone typed.

CREATE TABLE mediator (
  id INTEGER PRIMARY KEY,
  display_name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  role TEXT NOT NULL CHECK (role IN ('professional', 'volunteer')),
  pin_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;

-- Each row carries the hash of the previous one: a changed, removed or inserted row breaks the chain.
CREATE TABLE journal (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  event TEXT NOT NULL,
  accompaniment TEXT,
  journey TEXT,
  step TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE
) STRICT;

-- Retention alone removes old rows, up to the id it writes here for the length of its transaction.
CREATE TABLE journal_retention (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  until_id INTEGER NOT NULL
) STRICT;

-- The last row retention removed: the chain goes on from its hash.
CREATE TABLE journal_anchor (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_removed_id INTEGER NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;

CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal
WHEN NOT EXISTS (SELECT 1 FROM journal_retention WHERE OLD.id <= until_id)
BEGIN
  SELECT RAISE(ABORT, 'the journal is append-only');
END;

-- What retention keeps of removed accompaniments: counts and durations per day, journey and outcome.
CREATE TABLE activity_day (
  day TEXT NOT NULL,
  journey TEXT NOT NULL,
  outcome TEXT NOT NULL,
  accompaniments INTEGER NOT NULL,
  total_seconds INTEGER NOT NULL,
  PRIMARY KEY (day, journey, outcome)
) STRICT;

-- Where people get stuck: blocked steps per day, journey, step and reason.
CREATE TABLE stuck_day (
  day TEXT NOT NULL,
  journey TEXT NOT NULL,
  step TEXT NOT NULL,
  reason TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (day, journey, step, reason)
) STRICT;

CREATE TABLE resume_ticket (
  code TEXT PRIMARY KEY,
  journey TEXT NOT NULL,
  step TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;
