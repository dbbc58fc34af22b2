// `npm run journal:verify [-- --config=FILE] [-- --data-dir=DIR]`: checks the journal's hash chain (main/cli/journal-verify.ts;
// an installed kiosk runs the same command as `journal-verify`).
import { runJournalVerify } from '../../main/cli/journal-verify';

process.exitCode = runJournalVerify(process.argv.slice(2));
