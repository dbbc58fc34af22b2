// Decides whether a request comes from the kiosk's own page on this very host (no other site, no DNS rebinding).
import type { IncomingHttpHeaders } from 'node:http';

export interface OriginCheck {
  /** The Host header names this host on loopback. */
  readonly hostAllowed: boolean;
  /** An Origin header is present and is this host's own. */
  readonly originAllowed: boolean;
  /** The request is same-origin, by its Origin header or, for plain GETs, by Sec-Fetch-Site. */
  readonly sameSite: boolean;
}

export function checkRequestOrigin(headers: IncomingHttpHeaders, port: number): OriginCheck {
  const ownHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const hostAllowed = ownHosts.includes(headers.host ?? '');
  const origin = headers.origin;
  const originAllowed = hostAllowed && origin !== undefined && ownHosts.some((h) => origin === `http://${h}`);
  const fetchSite = headers['sec-fetch-site'];
  const sameSite = origin !== undefined ? originAllowed : hostAllowed && (fetchSite === undefined || fetchSite === 'same-origin');
  return { hostAllowed, originAllowed, sameSite };
}
