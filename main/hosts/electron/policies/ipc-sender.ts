// IPC calls are served only to the app's own window and its own top frame.
import { isAppUrl } from './navigation';

export interface IpcSender {
  readonly webContentsId: number;
  /** URL of the frame that sent the message; null when Electron cannot tell. */
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

export function isTrustedSender(sender: IpcSender, appWebContentsId: number | null): boolean {
  return (
    appWebContentsId !== null &&
    sender.webContentsId === appWebContentsId &&
    sender.isMainFrame &&
    sender.frameUrl !== null &&
    isAppUrl(sender.frameUrl)
  );
}
