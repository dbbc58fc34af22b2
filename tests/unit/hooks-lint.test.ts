// The hooks rules of the lint gate: a missing effect dependency, a ref read while rendering or a DOM query for the
// focus in place of a ref each fail `npm run lint` in the renderer, as errors (zero warnings allowed to pile up).
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** The hooks rules ESLint reports for `code` as if it were the renderer file `path`, with their severity. */
async function hookFindings(path: string, code: string): Promise<{ rule: string | null; severity: number }[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith('react-hooks/') || m.ruleId === 'no-restricted-syntax')
    .map((m) => ({ rule: m.ruleId, severity: m.severity }));
}

const error = (rule: string) => ({ rule: `react-hooks/${rule}`, severity: 2 });

describe('lint: the rules of React hooks', () => {
  it('refuses an effect that leaves out what it reads', async () => {
    const code = [
      "import { useEffect, useState } from 'react';",
      'export function Counter({ step }: { step: number }) {',
      '  const [n, setN] = useState(0);',
      '  useEffect(() => {',
      '    const tick = setInterval(() => setN((v) => v + step), 1000);',
      '    return () => clearInterval(tick);',
      '  }, []);',
      '  return <p>{n}</p>;',
      '}',
      '',
    ].join('\n');
    expect(await hookFindings('renderer/components/Wrong.tsx', code)).toEqual([error('exhaustive-deps')]);
  });

  it('refuses a ref written while rendering (the "latest callback" pattern)', async () => {
    const code = [
      "import { useEffect, useRef } from 'react';",
      'export function useLater(callback: () => void): void {',
      '  const latest = useRef(callback);',
      '  latest.current = callback;',
      '  useEffect(() => {',
      '    const timer = setTimeout(() => latest.current(), 1000);',
      '    return () => clearTimeout(timer);',
      '  }, []);',
      '}',
      '',
    ].join('\n');
    expect(await hookFindings('renderer/kit/wrong.ts', code)).toEqual([error('refs')]);
  });

  it('accepts the same effect written with an effect event', async () => {
    const code = [
      "import { useEffect, useEffectEvent } from 'react';",
      'export function useLater(callback: () => void): void {',
      '  const later = useEffectEvent(callback);',
      '  useEffect(() => {',
      '    const timer = setTimeout(() => later(), 1000);',
      '    return () => clearTimeout(timer);',
      '  }, []);',
      '}',
      '',
    ].join('\n');
    expect(await hookFindings('renderer/kit/right.ts', code)).toEqual([]);
  });

  it('refuses a journey that looks its focus target up in the page', async () => {
    const code = [
      "import { useEffect } from 'react';",
      'export function useFocusStep(step: number): void {',
      '  useEffect(() => {',
      "    document.querySelector<HTMLElement>('.journey-focus')?.focus();",
      '  }, [step]);',
      '}',
      '',
    ].join('\n');
    expect(await hookFindings('renderer/journey/wrong.ts', code)).toEqual([{ rule: 'no-restricted-syntax', severity: 2 }]);
    expect(await hookFindings('renderer/assisted/wrong.ts', code)).toEqual([{ rule: 'no-restricted-syntax', severity: 2 }]);
  });
});
