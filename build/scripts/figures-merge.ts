// `npm run figures:merge -- a.csv b.csv > all.csv`: one CRA file from several kiosks' (main/cli/figures-merge.ts;
// an installed kiosk runs the same command as `figures-merge`).
import { runFiguresMerge } from '../../main/cli/figures-merge';

process.exitCode = runFiguresMerge(process.argv.slice(2));
