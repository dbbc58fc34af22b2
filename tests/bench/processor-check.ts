// The machine's speed at the moment of a run, for reading its figures beside another run's: a fixed piece of work in
// Node (string building, hashing into a map, sorting, as the host and the search do), timed five times. Two runs
// whose checks differ by half took place on machines (or moments) that far apart: their absolute figures are not
// comparable, their ratios to the bare page and side-by-side comparisons still are.
import { random } from './generated-content';
import { median } from './measure';

/** The fixed work; returns a number so that none of it can be left out. */
function fixedWork(): number {
  const words = new Map<string, number>();
  const next = random(42);
  for (let i = 0; i < 200_000; i++) {
    const word = `mot${Math.floor(next() * 5000)}`;
    words.set(word, (words.get(word) ?? 0) + 1);
  }
  const sorted = [...words.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const numbers = Float64Array.from({ length: 300_000 }, (_, i) => Math.sin(i) * 1000).sort();
  return sorted.length + (numbers[0] ?? 0);
}

/** Median time of the fixed work, in ms, after one untimed pass. */
export function processorCheckMs(): number {
  fixedWork();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    fixedWork();
    times.push(performance.now() - started);
  }
  return median(times);
}
