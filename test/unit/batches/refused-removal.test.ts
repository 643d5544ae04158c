// A removal Altinn refuses settles as already done only when Altinn's own list shows the delegation gone.
import { describe, expect, it } from 'vitest';
import type { EndUserAltinn } from '../../../electron/app/ports';
import type { ItemResult } from '../../../electron/features/batches/batch-types';
import { settleRefusedRemoval } from '../../../electron/features/batches/runner-settle';

const SU = '0c1d2e3f-1111-4222-8333-444455556666';
const CLIENT = { partyUuid: 'e41b9d27-08c3-4f5a-b7e2-6a9d1c0f3b58', orgNumber: '311851381' };
const refused: ItemResult = { kind: 'failed', code: 'AUTH-00079', message: 'Client not found.', correlationId: 'c-1' };

function altinnListing(list: () => Promise<{ partyUuid: string; orgNumber: string; name: string }[]>) {
  const asked: string[] = [];
  const altinn = {
    listDelegatedClients: (id: string) => {
      asked.push(id);
      return list();
    },
  } as unknown as EndUserAltinn;
  return { altinn, asked };
}

describe('settleRefusedRemoval', () => {
  it('settles a refused removal as already done when Altinn no longer lists the client', async () => {
    const { altinn, asked } = altinnListing(async () => [{ partyUuid: 'other', orgNumber: '313367002', name: 'X' }]);
    const result = await settleRefusedRemoval(altinn, SU, { operation: 'remove', ...CLIENT }, refused);
    expect(result).toEqual({ kind: 'already_done', code: 'AUTH-00079', correlationId: 'c-1' });
    expect(asked).toEqual([SU]);
  });

  it('keeps the refusal while Altinn still lists the client, by party or by org number', async () => {
    for (const listed of [
      { partyUuid: CLIENT.partyUuid.toUpperCase(), orgNumber: '000000000', name: 'X' },
      { partyUuid: 'other', orgNumber: CLIENT.orgNumber, name: 'X' },
    ]) {
      const { altinn } = altinnListing(async () => [listed]);
      expect(await settleRefusedRemoval(altinn, SU, { operation: 'remove', ...CLIENT }, refused)).toBe(refused);
    }
  });

  it('keeps the refusal when the list cannot be read, and never asks for additions or other outcomes', async () => {
    const failing = altinnListing(async () => {
      throw new Error('down');
    });
    expect(await settleRefusedRemoval(failing.altinn, SU, { operation: 'remove', ...CLIENT }, refused)).toBe(refused);
    const quiet = altinnListing(async () => []);
    expect(await settleRefusedRemoval(quiet.altinn, SU, { operation: 'add', ...CLIENT }, refused)).toBe(refused);
    const unknown: ItemResult = { kind: 'unknown', code: 'TIMEOUT', message: 't', correlationId: null };
    expect(await settleRefusedRemoval(quiet.altinn, SU, { operation: 'remove', ...CLIENT }, unknown)).toBe(unknown);
    expect(quiet.asked).toEqual([]);
  });
});
