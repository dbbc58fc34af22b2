// The shape of what the preload exposes to the renderer, and the names of the IPC channels it uses.
// Kept free of imports so the sandboxed preload bundle stays tiny.

export const ipcCallChannel = 'passerelle:call';
export const ipcEventChannel = 'passerelle:event';
/** The name under which the preload exposes the bridge on `window`. */
export const bridgeGlobal = 'passerelle';

export interface PasserelleBridge {
  call(method: string, args: unknown): Promise<unknown>;
  /** Subscribes to one event; returns the function that unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
