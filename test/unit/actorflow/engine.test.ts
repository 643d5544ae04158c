import { describe, expect, it } from 'vitest';
import { createActorFlow } from '../../../electron/features/actorflow/engine';

describe('where the actor flow may run', () => {
  it('never runs against production', async () => {
    const flow = createActorFlow({ environment: () => 'production', world: () => null });
    const overview = flow.overview();
    expect(overview.steps.every((s) => !s.available && s.unavailableReason === 'production')).toBe(true);
    await expect(flow.run('operational.token')).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
    await expect(flow.failure('expiredGrant')).rejects.toMatchObject({ code: 'NOT_AVAILABLE' });
  });

  it('waits for the demo world', () => {
    const flow = createActorFlow({ environment: () => 'demo', world: () => null });
    expect(flow.overview()).toMatchObject({ worldRunning: false, clients: [] });
    expect(flow.overview().failures.every((f) => f.unavailableReason === 'noWorld')).toBe(true);
  });

  it('asks for the Test set-up before anything is sent', () => {
    const flow = createActorFlow({ environment: () => 'test', world: () => null, environmentConfig: () => null });
    expect(flow.overview().steps.every((s) => s.unavailableReason === 'notConfigured')).toBe(true);
  });

  it('clears the recording on reset even where there is no world to reset', async () => {
    const flow = createActorFlow({ environment: () => 'production', world: () => null });
    await expect(flow.reset('ready')).resolves.toEqual({ preset: null });
    expect(JSON.parse(flow.exportTraffic().content).log.entries).toEqual([]);
  });
});
