// A QR code drawn as SVG from the code's modules: the visitor scans it to open an address on their own phone.
// Always dark on light with a quiet zone, whatever the theme, so every phone can read it.
// Text a phone would open as an address is encoded only when it is on an official domain.
import { useContext, useEffect, useState } from 'react';
import { isOfficialUrl, looksLikeAddress } from '../../common/content/official-domains';
import { KioskContext } from '../kit/KioskContext';

export function QrCode({ text, label }: { text: string; label: string }) {
  const officialDomains = useContext(KioskContext)?.officialDomains ?? [];
  const allowed = !looksLikeAddress(text) || isOfficialUrl(text, officialDomains);
  // The encoder is fetched with the first code shown, not with the first screen.
  const [drawn, setDrawn] = useState<{ text: string; size: number; path: string } | null>(null);
  useEffect(() => {
    if (!allowed) return;
    let current = true;
    void import('qrcode').then(({ create }) => {
      if (!current) return;
      const modules = create(text, { errorCorrectionLevel: 'M' }).modules;
      let d = '';
      for (let y = 0; y < modules.size; y++) {
        for (let x = 0; x < modules.size; x++) if (modules.get(x, y)) d += `M${x} ${y}h1v1h-1z`;
      }
      setDrawn({ text, size: modules.size, path: d });
    });
    return () => {
      current = false;
    };
  }, [text, allowed]);
  if (!allowed || drawn?.text !== text) return null;
  const { size, path } = drawn;
  return (
    <svg className="qr-code" viewBox={`-4 -4 ${size + 8} ${size + 8}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect x={-4} y={-4} width={size + 8} height={size + 8} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
