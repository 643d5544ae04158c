// The sandboxed preload: exactly one object, window.klientdesk, and nothing else. Validation happens in main,
// so this file stays a thin, dependency-free forwarder (it must be a single CommonJS bundle).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT, IPC_INVOKE, type KlientdeskBridge } from '../../shared/contract/bridge';

const bridge: KlientdeskBridge = {
  mode: 'electron',
  invoke: (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  on(event, listener) {
    const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('klientdesk', bridge);
