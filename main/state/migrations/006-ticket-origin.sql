-- A resume ticket remembers the accompaniment it continues (a random id, never the visitor), so that a journey
-- resumed on another day still counts as one accompaniment in the figures.
ALTER TABLE resume_ticket ADD COLUMN accompaniment TEXT;
