// The on-screen keyboard of a text field (a touch kiosk has no keyboard): AZERTY in French, QWERTY in English,
// the Arabic layout in Arabic, digits only for a number field; large keys. Tapping a key types where the caret is,
// without taking the focus from the field. With a physical keyboard, the keys are one tab stop and the arrows move.
// A tap on the field opens its keyboard once the tap is over, never when the finger goes down: a page that moves
// under a finger gets the end of the tap somewhere else (the space key of the keyboard that just opened).
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import type { Locale } from '../../common/api/types';
import { applyKey, layoutChoices, layoutFor, layouts, type KeyAction, type LayoutId } from '../kit/keyboard-layouts';

interface OnScreenKeyboardProps {
  /** The field the keys type into. */
  readonly field: RefObject<HTMLInputElement | null>;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly locale: Locale;
  readonly inputMode?: 'text' | 'numeric';
  readonly maxLength?: number;
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

type Special = 'space' | 'backspace' | 'shift' | 'done';
type Key = { readonly kind: 'char'; readonly char: string } | { readonly kind: Special };

export function OnScreenKeyboard({
  field,
  value,
  onChange,
  locale,
  inputMode = 'text',
  maxLength,
  open,
  onOpenChange,
}: OnScreenKeyboardProps) {
  const { t } = useTranslation();
  const [layoutId, setLayoutId] = useState<LayoutId>(layoutFor(locale, inputMode));
  const [shift, setShift] = useState(false);
  const [active, setActive] = useState<[number, number]>([0, 0]);
  const caret = useRef<number | null>(null);
  // The key a finger or the mouse went down on: only that key types when the tap ends.
  const pressedOn = useRef<string | null>(null);
  const keyboard = useRef<HTMLDivElement>(null);
  const layout = layouts[layoutId];
  const choices = layoutChoices(inputMode);

  const specials: Key[] =
    inputMode === 'numeric'
      ? [{ kind: 'backspace' }, { kind: 'done' }]
      : [...(layout.shift ? [{ kind: 'shift' } as const] : []), { kind: 'space' }, { kind: 'backspace' }, { kind: 'done' }];
  const rows: Key[][] = [...layout.rows.map((row) => row.map((char): Key => ({ kind: 'char', char }))), specials];

  const opens = useEffectEvent(() => onOpenChange(true));
  useEffect(() => {
    const input = field.current;
    if (!input) return;
    const show = () => opens();
    input.addEventListener('click', show);
    return () => input.removeEventListener('click', show);
  }, [field]);

  /** A click from a tap or the mouse counts on the key it started on; Enter or Space on a focused key (detail 0) always. */
  const pressAt = (event: MouseEvent, id: string, key: Key) => {
    const started = pressedOn.current;
    pressedOn.current = null;
    if (event.detail === 0 || started === id) press(key);
  };

  // After a key, the caret goes just after what it typed (set once React has written the new value).
  useLayoutEffect(() => {
    const input = field.current;
    if (caret.current === null || !input) return;
    input.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  }, [value, field]);

  const type = (action: KeyAction) => {
    const input = field.current;
    const state = { value, start: input?.selectionStart ?? value.length, end: input?.selectionEnd ?? value.length };
    const next = applyKey(state, action, maxLength ?? input?.maxLength ?? Infinity);
    caret.current = next.start;
    if (next.value !== value) onChange(next.value);
    else input?.setSelectionRange(next.start, next.end);
  };

  const press = (key: Key) => {
    if (key.kind === 'char') {
      type({ type: 'insert', text: shift ? key.char.toLocaleUpperCase(locale) : key.char });
      setShift(false);
    } else if (key.kind === 'space') type({ type: 'insert', text: ' ' });
    else if (key.kind === 'backspace') type({ type: 'backspace' });
    else if (key.kind === 'shift') setShift(!shift);
    else close();
  };

  const close = () => {
    onOpenChange(false);
    field.current?.focus();
  };

  // One tab stop for the whole keyboard; the arrows move between keys (mirrored for a right-to-left layout).
  const move = (event: KeyboardEvent, row: number, col: number) => {
    const forward = layout.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = layout.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let [r, c] = [row, col];
    if (event.key === forward) c += 1;
    else if (event.key === back) c -= 1;
    else if (event.key === 'ArrowDown') r += 1;
    else if (event.key === 'ArrowUp') r -= 1;
    else if (event.key === 'Home') c = 0;
    else if (event.key === 'End') c = Infinity;
    else if (event.key === 'Escape') return close();
    else return;
    event.preventDefault();
    r = Math.max(0, Math.min(rows.length - 1, r));
    c = Math.max(0, Math.min((rows[r]?.length ?? 1) - 1, c));
    setActive([r, c]);
    keyboard.current?.querySelector<HTMLButtonElement>(`[data-key="${r}-${c}"]`)?.focus();
  };

  const label = (key: Key): string => {
    if (key.kind === 'char') return shift ? key.char.toLocaleUpperCase(locale) : key.char;
    return t(`keyboard.${key.kind}`);
  };
  const [activeRow, activeCol] = active[0] < rows.length && active[1] < (rows[active[0]]?.length ?? 0) ? active : [0, 0];

  return (
    <div className="osk-area">
      <Button className="action osk-toggle" aria-expanded={open} onPress={() => (open ? close() : onOpenChange(true))}>
        <svg className="action-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
          <rect x="4" y="14" width="56" height="36" rx="5" fill="none" stroke="currentColor" strokeWidth="5" />
          <path
            d="M14 25h4M24 25h4M34 25h4M44 25h4M14 34h4M44 34h4M22 41h20M24 34h14"
            stroke="currentColor"
            strokeWidth="5"
            strokeLinecap="round"
          />
        </svg>
        {open ? t('keyboard.hide') : t('keyboard.show')}
      </Button>
      {open && (
        <div className="osk" role="group" aria-label={t('keyboard.label')} ref={keyboard}>
          {choices.length > 1 && (
            <div className="osk-layouts" role="group" aria-label={t('keyboard.layouts')}>
              {choices.map((id) => (
                <Button
                  key={id}
                  className="osk-key osk-layout"
                  aria-pressed={id === layoutId}
                  onPress={() => setLayoutId(id)}
                  lang={id === 'arabic' ? 'ar' : 'fr'}
                >
                  {layouts[id].name}
                </Button>
              ))}
            </div>
          )}
          <div className="osk-keys" dir={layout.dir} lang={layoutId === 'arabic' ? 'ar' : undefined}>
            {rows.map((row, r) => (
              <div className="osk-row" key={r}>
                {row.map((key, c) => (
                  <button
                    key={key.kind === 'char' ? key.char : key.kind}
                    type="button"
                    data-key={`${r}-${c}`}
                    className={`osk-key osk-${key.kind}`}
                    tabIndex={r === activeRow && c === activeCol ? 0 : -1}
                    aria-pressed={key.kind === 'shift' ? shift : undefined}
                    // A tap types into the field and leaves the focus (and the caret) in it.
                    onMouseDown={(event) => event.preventDefault()}
                    onPointerDown={() => (pressedOn.current = `${r}-${c}`)}
                    onFocus={() => setActive([r, c])}
                    onClick={(event) => pressAt(event, `${r}-${c}`, key)}
                    onKeyDown={(event) => move(event, r, c)}
                  >
                    {label(key)}
                  </button>
                ))}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
