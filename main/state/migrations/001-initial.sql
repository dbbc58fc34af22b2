-- Site settings changed from the admin screen, and operational events of the kiosk itself.
-- Neither ever holds anything about a visitor.
CREATE TABLE setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE kiosk_event (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE INDEX kiosk_event_at ON kiosk_event (at);
