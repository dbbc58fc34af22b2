// The silent-print budget of a visit, as Electron's print handler uses it (no Electron binary here).
import { describe, expect, it } from 'vitest';
import { createPrintBudget, printsPerVisit } from '../../common/kiosk/print-budget';

describe('print budget', () => {
  it('allows a few prints per visit, then none until the next visit', () => {
    const budget = createPrintBudget();
    const answers = Array.from({ length: printsPerVisit + 20 }, () => budget.take());
    expect(answers.filter(Boolean)).toHaveLength(printsPerVisit);
    expect(answers.slice(printsPerVisit).some(Boolean)).toBe(false);
    budget.reset();
    expect(budget.take()).toBe(true);
  });
});
