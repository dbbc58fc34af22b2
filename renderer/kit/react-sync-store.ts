// Stands in for the use-sync-external-store shim react-i18next imports (vite.config.ts): React 19 has the hook itself,
// so the shim's copy of it for older Reacts stays out of the first screen.
export { useSyncExternalStore } from 'react';
