// The bench's floor: bare static pages served by a minimal Node host, timed the same way as the app. The start's page
// has the home screen's gestures; the wipe's page has its end of a visit.
import { spawn } from 'node:child_process';
import { endOfVisitClearSiteData } from '../../main/hosts/common/http-headers';
import { t } from './kiosk-page';

export interface LaunchedHost {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A bare page: the home screen's heading, focused, then `body`; `script` runs after the focus, and the page sets the
 * app's ready marker (`passerelle:ready`, `data-ready`) as the app does.
 */
const bareDocument = (
  body: string,
  script: string,
) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Bare</title></head><body>
<h1 tabindex="-1">${t.home.title}</h1>${body}
<script>document.querySelector('h1').focus();${script}
performance.mark('passerelle:ready');document.documentElement.dataset.ready='true';</script></body></html>`;

/** The start's bare page: one button that opens a dialog, the same gestures as the app's home. */
export const barePage = bareDocument(
  `<button type="button">${t.comfort.open}</button><dialog><p>${t.comfort.title}</p></dialog>`,
  `document.querySelector('button').onclick=()=>document.querySelector('dialog').show();`,
);

/** Where the bare wipe page ends its visit: the host answers with the app's `Clear-Site-Data`. */
const barePageEnd = '/end-visit';

/**
 * The bare page of a wipe: "Terminer" asks for confirmation, and the confirming tap asks the host to end the visit,
 * then reloads, as the app does (renderer/shell/App.tsx), with nothing else on either page. The same gestures as the
 * app's, so KioskPage.endVisit times it as it times the app's.
 */
export const bareWipePage = bareDocument(
  `<button type="button" id="end">${t.nav.end}</button>
<div role="alertdialog" aria-label="${t.end.title}" hidden><button type="button" id="confirm">${t.end.confirm}</button></div>`,
  `
document.getElementById('end').onclick=()=>{document.querySelector('[role=alertdialog]').hidden=false;};
document.getElementById('confirm').onclick=()=>fetch('${barePageEnd}',{method:'POST',cache:'no-store'}).finally(()=>location.reload());`,
);

const bareHostScript = (headers: Record<string, string>, page: string) => `const page = ${JSON.stringify(page)};
const headers = ${JSON.stringify(headers)};
const server = require('node:http').createServer((req, res) => {
  if (req.method === 'POST' && req.url === ${JSON.stringify(barePageEnd)}) {
    res.writeHead(200, { 'Clear-Site-Data': ${JSON.stringify(endOfVisitClearSiteData)}, 'Content-Type': 'application/json', 'Content-Length': 2 });
    return res.end('{}');
  }
  res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(page) });
  res.end(page);
});
server.listen(0, '127.0.0.1', () => process.stdout.write('running at http://127.0.0.1:' + server.address().port + '/\\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

/** A bare host in its own process, as the app's host is: `page` for every address, sent with `headers`. */
export function startBareHost(headers: Record<string, string> = {}, page = barePage): Promise<LaunchedHost> {
  const child = spawn(process.execPath, ['-e', bareHostScript(headers, page)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      if (match?.[1])
        resolve({
          url: match[1],
          // A host that has already ended (it died during the run) is not waited for: its exit has been and gone.
          stop: () =>
            child.exitCode !== null || child.signalCode !== null
              ? Promise.resolve()
              : new Promise((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))),
        });
    });
    child.once('exit', (code) => reject(new Error(`the bare host exited with ${code}`)));
  });
}
