// `npm run content:install -- --from=DIR|URL [--rollback]`: installs a signed content pack (main/cli/content-install.ts;
// an installed kiosk runs the same command as `content-install`).
import { runContentInstall } from '../../main/cli/content-install';

process.exitCode = await runContentInstall(process.argv.slice(2));
