// Imported first by the renderer's entry: zod never probes for `new Function` in the page. Its compiled parsers need
// eval, which the Content-Security-Policy refuses; the refused probe is still reported as a policy violation.
import { z } from 'zod';

z.config({ jitless: true });
