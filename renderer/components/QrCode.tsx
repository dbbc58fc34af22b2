// A QR code drawn as SVG from the code's modules: the visitor scans it to open an address on their own phone.
// Always dark on light with a quiet zone, whatever the theme, so every phone can read it.
// Text a phone would open as an address is encoded only when it is on an official domain.
import { useContext, useEffect, useMemo, useState } from 'react';
import { isOfficialUrl, looksLikeAddress } from '../../common/content/official-domains';
import { KioskContext } from '../kit/KioskContext';

type Encode = (typeof import('qrcode'))['create'];
let encode: Encode | null = null;
let loading: Promise<void> | null = null;

/**
 * Fetches the encoder (once; it is not in the first screen). Once it is in, every code is drawn in the render that
 * shows it: a page that waits for this before it offers printing prints the code for the text it shows.
 */
export function loadQrEncoder(): Promise<void> {
  loading ??= import('qrcode').then(
    (module) => {
      encode = module.create;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function draw(text: string): { size: number; path: string } {
  if (!encode) throw new Error('the QR encoder is not loaded');
  const modules = encode(text, { errorCorrectionLevel: 'M' }).modules;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) path += `M${x} ${y}h1v1h-1z`;
  }
  return { size: modules.size, path };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const officialDomains = useContext(KioskContext)?.officialDomains ?? [];
  const allowed = !looksLikeAddress(text) || isOfficialUrl(text, officialDomains);
  const [loaded, setLoaded] = useState(encode !== null);
  useEffect(() => {
    if (!allowed || loaded) return;
    let current = true;
    void loadQrEncoder().then(
      () => current && setLoaded(true),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [allowed, loaded]);
  const drawn = useMemo(() => (allowed && loaded ? draw(text) : null), [text, allowed, loaded]);
  if (!allowed) return null;
  // Until the encoder is in, its square is kept: nothing below moves when the code appears.
  if (!drawn) return <div className="qr-code" aria-hidden="true" />;
  const { size, path } = drawn;
  return (
    <svg className="qr-code" viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
