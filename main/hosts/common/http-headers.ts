// HTTP security headers of the web host: the same lockdown the Electron shell applies, at the HTTP level.
import { contentSecurityPolicy } from './csp';

/** Features a kiosk page never needs: denied to the page and to anything it could embed. */
const deniedFeatures = [
  'camera',
  'microphone',
  'geolocation',
  'usb',
  'serial',
  'hid',
  'bluetooth',
  'payment',
  'midi',
  'display-capture',
  'clipboard-read',
  'fullscreen',
  'screen-wake-lock',
  'publickey-credentials-get',
];

/** The web host's answer to the end of a visit: the browser forgets everything this origin stored. */
export const endOfVisitClearSiteData = '"cache", "cookies", "storage"';

export const permissionsPolicy = deniedFeatures.map((feature) => `${feature}=()`).join(', ');

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': permissionsPolicy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
  };
}
