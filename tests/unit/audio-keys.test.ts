// Audio mode's keys and the way it says phone numbers: pure rules, checked without a browser.
import { describe, expect, it } from 'vitest';
import { audioCommand, type AudioKeyContext } from '../../renderer/visit/audio-keys';
import { phoneGroups } from '../../renderer/kit/phone-groups';

const key = (code: string, modifiers: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  code,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...modifiers,
});
const off: AudioKeyContext = { on: false, inField: false, askingPrivate: false, headsetJack: true, rtl: false };
const on: AudioKeyContext = { ...off, on: true };

describe('audio mode keys', () => {
  it('starts with the number pad 5 only, and never from a field or with a modifier', () => {
    expect(audioCommand(key('Numpad5'), off)).toBe('start');
    expect(audioCommand(key('Digit5'), off)).toBeNull();
    expect(audioCommand(key('Numpad5'), { ...off, inField: true })).toBeNull();
    expect(audioCommand(key('Numpad5', { ctrlKey: true }), off)).toBeNull();
    expect(audioCommand(key('ArrowDown'), off)).toBeNull();
  });

  it('once on, the number pad controls speech and the arrows move, with Num Lock on or off', () => {
    expect(audioCommand(key('Numpad5'), on)).toBe('repeat');
    expect(audioCommand(key('Numpad0'), on)).toBe('pause');
    expect(audioCommand(key('NumpadAdd'), on)).toBe('louder');
    expect(audioCommand(key('NumpadSubtract'), on)).toBe('softer');
    expect(audioCommand(key('NumpadMultiply'), on)).toBe('faster');
    expect(audioCommand(key('NumpadDivide'), on)).toBe('slower');
    expect(audioCommand(key('NumpadDecimal'), on)).toBe('readAll');
    expect([audioCommand(key('ArrowDown'), on), audioCommand(key('Numpad2'), on), audioCommand(key('ArrowRight'), on)]).toEqual([
      'next',
      'next',
      'next',
    ]);
    expect([audioCommand(key('ArrowUp'), on), audioCommand(key('Numpad8'), on), audioCommand(key('ArrowLeft'), on)]).toEqual([
      'previous',
      'previous',
      'previous',
    ]);
    // Enter, Escape and Tab stay the page's own.
    for (const code of ['Enter', 'NumpadEnter', 'Escape', 'Tab', 'Space']) expect(audioCommand(key(code), on)).toBeNull();
  });

  it('in a right-to-left page the left arrow goes forward', () => {
    expect(audioCommand(key('ArrowLeft'), { ...on, rtl: true })).toBe('next');
    expect(audioCommand(key('ArrowRight'), { ...on, rtl: true })).toBe('previous');
  });

  it('in a field every key types: digits of a PIN are never taken as commands', () => {
    for (const code of ['Numpad5', 'Numpad0', 'NumpadAdd', 'ArrowDown', 'Digit1'])
      expect(audioCommand(key(code), { ...on, inField: true })).toBeNull();
  });

  it('1 confirms headphones only where the kiosk has a socket; 3 is the speaker', () => {
    const asking = { ...on, askingPrivate: true };
    expect(audioCommand(key('Numpad1'), asking)).toBe('headset');
    expect(audioCommand(key('Digit1'), asking)).toBe('headset');
    expect(audioCommand(key('Numpad1'), { ...asking, headsetJack: false })).toBeNull();
    expect(audioCommand(key('Numpad3'), { ...asking, headsetJack: false })).toBe('speaker');
    expect(audioCommand(key('Numpad3'), on)).toBeNull();
  });
});

describe('phone numbers in groups', () => {
  it('says numbers of four digits or more in pairs, short ones as they are', () => {
    expect(phoneGroups('3646')).toBe('36 46');
    expect(phoneGroups('01 23 45 67 89')).toBe('01 23 45 67 89');
    expect(phoneGroups('0123456789')).toBe('01 23 45 67 89');
    expect(phoneGroups('119')).toBe('119');
    expect(phoneGroups('15')).toBe('15');
    expect(phoneGroups('39 19')).toBe('39 19');
    expect(phoneGroups('+33 1 23 45 67 89')).toBe('+33 1 23 45 67 89');
  });
});
