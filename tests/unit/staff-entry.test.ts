// The hidden staff entry: where the corner is, and that the kiosk lockdown lets its key combination through.
import { describe, expect, it } from 'vitest';
import { isBlockedShortcut } from '../../main/hosts/electron/policies/shortcuts';
import { inStartCorner, staffGesture } from '../../renderer/shell/staff-corner';

describe('staff entry', () => {
  it('counts taps in the top corner where reading starts: left, or right for Arabic', () => {
    expect(inStartCorner(10, 10, 1280, false)).toBe(true);
    expect(inStartCorner(1270, 10, 1280, false)).toBe(false);
    expect(inStartCorner(1270, 10, 1280, true)).toBe(true);
    expect(inStartCorner(10, 10, 1280, true)).toBe(false);
    expect(inStartCorner(10, staffGesture.cornerPx + 1, 1280, false)).toBe(false);
  });

  it('is not swallowed by the Electron shortcut policy', () => {
    expect(isBlockedShortcut({ type: 'keyDown', key: 'A', control: true, meta: false, alt: true, shift: true })).toBe(false);
  });
});
