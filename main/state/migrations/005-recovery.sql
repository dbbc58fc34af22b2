-- What the kiosk found each time its state DB was corrupt and it started again with an empty one: shown to the admin
-- and in /api/health, so that lost accounts and journal rows never go unnoticed.
CREATE TABLE state_recovery (
  id INTEGER PRIMARY KEY,
  day TEXT NOT NULL,
  moved_aside_to TEXT NOT NULL,
  lost TEXT NOT NULL
) STRICT;
