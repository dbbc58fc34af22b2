// A line for the kiosk voice cut into pieces the host accepts (its text limit), at sentence ends where it can.
import { speechTextMax } from '../api/types';

/** Cuts a text the host would refuse as too long at sentence ends, then at spaces. */
export function speechChunks(text: string, max = speechTextMax): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const sentence of text.split(/(?<=[.!?؟…;:])\s+/u)) {
    for (const piece of sentence.length > max ? sentence.split(/\s+/u) : [sentence]) {
      const joined = current === '' ? piece : `${current} ${piece}`;
      if (joined.length <= max) current = joined;
      else {
        if (current !== '') chunks.push(current);
        current = piece.slice(0, max);
      }
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks;
}
