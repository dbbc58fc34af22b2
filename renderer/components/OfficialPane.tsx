// The official site beside the guide (Electron, allowlisted origins): the renderer keeps an empty slot in its layout
// and the host lays the official site's own view over it, following the slot when it moves or changes size.
import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from '../i18n/texts';
import { useKiosk } from '../kit/KioskContext';

/** Whether this host can show `url` beside the guide (its origin is one the site allowlisted, in Electron). */
export function canOpenBeside(url: string | undefined, officialOrigins: readonly string[]): url is string {
  if (!url) return false;
  try {
    return officialOrigins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

export function OfficialPane({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { api } = useKiosk();
  const slot = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = slot.current;
    if (!element) return;
    const send = () => {
      frame = 0;
      const rect = element.getBoundingClientRect();
      // The view is laid out in device-independent pixels, like CSS pixels at zoom 1 (the kiosk does not zoom).
      void api['kiosk.officialOpen']({ url, bounds: { x: rect.left, y: rect.top, width: rect.width, height: rect.height } });
    };
    // Scrolling fires many events a frame: the host is told where the slot is once a frame at most.
    let frame = 0;
    const place = () => {
      if (frame === 0) frame = requestAnimationFrame(send);
    };
    send();
    const observer = new ResizeObserver(place);
    observer.observe(element);
    window.addEventListener('scroll', place, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('scroll', place);
    };
  }, [api, url]);
  // Leaving the step's screen (or the journey) closes the pane.
  useEffect(() => () => void api['kiosk.officialClose']({}), [api]);

  return (
    <section className="official-pane" aria-labelledby="official-pane-title">
      <h2 id="official-pane-title" className="small-heading">
        {t('assisted.officialTitle')}
      </h2>
      <Button className="action" onPress={onClose}>
        {t('assisted.officialClose')}
      </Button>
      <div ref={slot} className="official-pane-slot" />
    </section>
  );
}
