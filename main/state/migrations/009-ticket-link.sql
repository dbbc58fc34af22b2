-- An accompaniment resumed on another kiosk of the site stays one line once the kiosks' figures are merged
-- (main/cli/figures-merge.ts). Each ticket has a link, a keyed fingerprint of its code (never the code): the
-- accompaniment that gave the ticket records it (event accompaniment.ticket), the one a ticket resumes records it
-- too (event accompaniment.continues), and the view names it. The journal rows themselves are never changed.
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
  CASE WHEN event = 'step.corrected' THEN substr(detail, 1, instr(detail, ':') - 1) END AS corrected_to,
  CASE WHEN event IN ('accompaniment.ticket', 'accompaniment.continues') THEN detail END AS ticket_link
FROM journal;
