-- Assisted mode (issue 15). A correction of the last ended step (event step.corrected, value "done:visitor"…):
-- the view names its outcome, and puts its actor and its reason in the columns a first ending uses, so that the
-- figures read a corrected step the way they read any other. The journal rows themselves are never changed.
DROP VIEW journal_decoded;
CREATE VIEW journal_decoded AS
SELECT
  id,
  at,
  event,
  accompaniment,
  journey,
  step,
  CASE WHEN event IN ('mediator.unlock', 'accompaniment.start') THEN detail END AS role,
  CASE WHEN event = 'mediator.lock' THEN detail END AS lock_cause,
  CASE WHEN event = 'accompaniment.end' THEN detail END AS outcome,
  CASE
    WHEN event IN ('step.done', 'step.skipped') THEN detail
    WHEN event = 'step.corrected' AND detail NOT LIKE 'blocked:%' THEN substr(detail, instr(detail, ':') + 1)
  END AS done_by,
  CASE
    WHEN event = 'step.blocked' THEN detail
    WHEN event = 'step.corrected' AND detail LIKE 'blocked:%' THEN substr(detail, instr(detail, ':') + 1)
  END AS blocked_reason,
  CASE WHEN event = 'print' THEN detail END AS print_kind,
  CASE WHEN event = 'admin.action' THEN detail END AS admin_action,
  CASE WHEN event = 'accompaniment.with' THEN detail END AS mediator_id,
  CASE WHEN event = 'accompaniment.resumes' THEN detail END AS resumes,
  CASE WHEN event = 'accompaniment.redirected' THEN detail END AS redirected_to,
  CASE WHEN event = 'step.wait' THEN detail END AS wait_for,
  CASE WHEN event = 'step.corrected' THEN substr(detail, 1, instr(detail, ':') - 1) END AS corrected_to
FROM journal;

-- Each ended step's outcome as it finally stands: its last ending or correction in the accompaniment.
CREATE VIEW step_final AS
SELECT d.id, d.at, d.accompaniment, d.journey, d.step,
  CASE d.event WHEN 'step.done' THEN 'done' WHEN 'step.skipped' THEN 'skipped' WHEN 'step.blocked' THEN 'blocked' ELSE d.corrected_to END AS outcome,
  d.done_by, d.blocked_reason
FROM journal_decoded d
WHERE d.event IN ('step.done', 'step.skipped', 'step.blocked', 'step.corrected')
  AND NOT EXISTS (
    SELECT 1 FROM journal later
    WHERE later.accompaniment = d.accompaniment AND later.step = d.step AND later.event = 'step.corrected' AND later.id > d.id
  );

-- Resume tickets carry themselves (main/assisted/ticket-code.ts) and work on every kiosk of the site: each kiosk
-- remembers the codes it took, until they expire, so that a code resumes once here.
CREATE TABLE used_ticket (
  code TEXT PRIMARY KEY,
  expires_at TEXT NOT NULL
) STRICT;
