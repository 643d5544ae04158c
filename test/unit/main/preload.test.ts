// The preload exposes exactly one object, window.klientdesk, with exactly the bridge's members, forwarding
// to the one invoke channel and the one event channel.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE, type KlientdeskBridge } from '../../../shared/contract/bridge';
import { contract, events } from '../../../shared/contract';
import { contextBridge, ipcRenderer, resetElectronFake } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

let bridge: KlientdeskBridge;
beforeAll(async () => {
  resetElectronFake();
  await import('../../../electron/preload/index');
  bridge = contextBridge.exposed.get('klientdesk') as KlientdeskBridge;
});

describe('the preload', () => {
  it('exposes window.klientdesk and nothing else, with only mode, invoke and on', () => {
    expect([...contextBridge.exposed.keys()]).toEqual(['klientdesk']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'mode', 'on']);
    expect(bridge.mode).toBe('electron');
    // No Electron object leaks through: nothing of ipcRenderer is reachable from the bridge.
    expect(Object.values(bridge)).not.toContain(ipcRenderer);
  });

  it('forwards invoke to the one contract channel, with the channel name and input only', async () => {
    await bridge.invoke('app.info', {});
    expect(ipcRenderer.invocations).toEqual([[IPC_INVOKE, 'app.info', {}]]);
  });

  it('delivers only the subscribed event, and stops after unsubscribing', () => {
    const got: unknown[] = [];
    const off = bridge.on('app.status', (p) => got.push(p));
    ipcRenderer.emit(IPC_EVENT, {}, 'app.status', { online: true });
    ipcRenderer.emit(IPC_EVENT, {}, 'clients.syncProgress', { phase: 'done' });
    ipcRenderer.emit('some-other-channel', {}, 'app.status', { online: false });
    expect(got).toEqual([{ online: true }]);
    off();
    ipcRenderer.emit(IPC_EVENT, {}, 'app.status', { online: false });
    expect(got).toEqual([{ online: true }]);
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
  });

  it('carries every channel of the contract over the one invoke channel, and every event over the one event channel', async () => {
    ipcRenderer.invocations.length = 0;
    const channels = Object.keys(contract) as (keyof typeof contract)[];
    for (const channel of channels) await bridge.invoke(channel, { probe: channel } as never);
    expect(ipcRenderer.invocations).toEqual(channels.map((channel) => [IPC_INVOKE, channel, { probe: channel }]));
    const names = Object.keys(events) as (keyof typeof events)[];
    const got: string[] = [];
    const offs = names.map((name) => bridge.on(name, () => got.push(name)));
    for (const name of names) ipcRenderer.emit(IPC_EVENT, {}, name, {});
    expect(got).toEqual(names);
    for (const off of offs) off();
    expect(ipcRenderer.listenerCount(IPC_EVENT)).toBe(0);
  });
});
