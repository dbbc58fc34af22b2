-- The site admin's passphrase (a scrypt hash, never the passphrase) and the lock that slows down guessing.
-- One row each: a kiosk has one admin passphrase.
CREATE TABLE admin_secret (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  hash TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE login_lock (
  subject TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  locked_until INTEGER NOT NULL
) STRICT;
