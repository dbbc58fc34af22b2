// The preload: exposes `call` and `on` through the context bridge, and nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { bridgeGlobal, ipcCallChannel, ipcEventChannel, type PasserelleBridge } from '../../../common/api/bridge';

const bridge: PasserelleBridge = {
  call: (method, args) => ipcRenderer.invoke(ipcCallChannel, String(method), args),
  on(event, listener) {
    // The Electron event object never reaches the page: it carries `sender`, a way back into IPC.
    const relay = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(ipcEventChannel, relay);
    return () => void ipcRenderer.removeListener(ipcEventChannel, relay);
  },
};

contextBridge.exposeInMainWorld(bridgeGlobal, bridge);
