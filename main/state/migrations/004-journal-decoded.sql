-- The journal's rows with the one closed-list value each event keeps in `detail` named for what it is
-- (main/journal/events.ts defines the same mapping for the code). Figures read this view, never `detail`.
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
  CASE WHEN event IN ('step.done', 'step.skipped') THEN detail END AS done_by,
  CASE WHEN event = 'step.blocked' THEN detail END AS blocked_reason,
  CASE WHEN event = 'print' THEN detail END AS print_kind,
  CASE WHEN event = 'admin.action' THEN detail END AS admin_action,
  CASE WHEN event = 'accompaniment.with' THEN detail END AS mediator_id,
  CASE WHEN event = 'accompaniment.resumes' THEN detail END AS resumes,
  CASE WHEN event = 'accompaniment.redirected' THEN detail END AS redirected_to,
  CASE WHEN event = 'step.wait' THEN detail END AS wait_for
FROM journal;
