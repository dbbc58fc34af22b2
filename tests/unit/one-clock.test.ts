// Time in the main process has one shape (main/core/clock.ts): a service that declares its own clock type again
// (`() => Date` beside `() => number`) makes tests set two kinds of time and code convert between them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });

describe('one clock type', () => {
  it('no file of main/ declares a clock other than Clock', () => {
    const offending = filesUnder('main').flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) => (/now\??:\s*\(\)\s*=>\s*(Date|number)\b/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
    );
    expect(offending).toEqual([]);
  });
});
