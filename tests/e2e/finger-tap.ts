// A finger's tap on a touch screen, through Chromium's touch input: down at the element's centre, a rest, up. Used by
// the specs that tap at a finger's pace and by the bench's taps at a visitor's pace.
import type { CDPSession, Locator } from '@playwright/test';

/** How long a finger rests on the screen in a tap. */
export const fingerDownMs = 80;

/** Taps `target` with one finger through `cdp` (a session on the target's page): down, `fingerDownMs`, up. */
export async function fingerTap(cdp: CDPSession, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to tap: the element has no box on the screen');
  const point = { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await new Promise((resolveRest) => setTimeout(resolveRest, fingerDownMs));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
