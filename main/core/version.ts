// The app's version, taken from package.json at build time.
import { version } from '../../package.json';

export const appVersion: string = version;
