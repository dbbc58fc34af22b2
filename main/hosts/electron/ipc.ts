// The IPC adapter: one channel, every message checked for its sender, then handed to the shared dispatch.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ipcCallChannel, ipcEventChannel } from '../../../common/api/bridge';
import type { EventName, PayloadOf } from '../../../common/api/contract';
import type { Dispatch } from '../../app/dispatch';
import { fail } from '../../../common/api/result';
import type { Logger } from '../../core/log';
import { isTrustedSender } from './policies/ipc-sender';

export function serveIpc(dispatch: Dispatch, appWebContentsId: () => number | null, log: Logger): () => void {
  ipcMain.handle(ipcCallChannel, (event: IpcMainInvokeEvent, method: unknown, args: unknown) => {
    const frame = event.senderFrame;
    const sender = {
      webContentsId: event.sender.id,
      frameUrl: frame?.url ?? null,
      isMainFrame: frame !== null && frame === event.sender.mainFrame,
    };
    if (!isTrustedSender(sender, appWebContentsId())) {
      log.warn('ipc.refusedSender', { webContentsId: sender.webContentsId });
      return fail('api.forbidden');
    }
    return dispatch(typeof method === 'string' ? method : '', args);
  });
  return () => ipcMain.removeHandler(ipcCallChannel);
}

export function sendEvent<N extends EventName>(target: Electron.WebContents, name: N, payload: PayloadOf<N>): void {
  target.send(ipcEventChannel, name, payload);
}
