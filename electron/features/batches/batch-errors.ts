// Typed refusals of the batch store. The renderer branches on the code; the message is for people.
import { AppError } from '../../../shared/errors';
import type { BatchState, ItemState } from '../../../shared/domain/batch';

export const BatchCodes = {
  NotFound: 'BATCH_NOT_FOUND',
  IllegalTransition: 'BATCH_ILLEGAL_TRANSITION',
  NotDraft: 'BATCH_NOT_DRAFT',
  Empty: 'BATCH_EMPTY',
  InvalidItems: 'BATCH_INVALID_ITEMS',
  WrongEnvironment: 'BATCH_WRONG_ENVIRONMENT',
} as const;

export const batchNotFound = (id: string): AppError => new AppError(BatchCodes.NotFound, `There is no batch with id ${id.slice(0, 40)}.`);

export const illegalTransition = (id: string, from: BatchState, to: BatchState): AppError =>
  new AppError(BatchCodes.IllegalTransition, `A batch that is ${from} cannot become ${to}.`, { batchId: id, from, to }, { from, to });

export const illegalItemTransition = (itemId: number, from: ItemState, to: ItemState): AppError =>
  new AppError(
    BatchCodes.IllegalTransition,
    `An item that is ${from} cannot become ${to}.`,
    { itemId, from, to },
    { reason: 'item', from, to },
  );

export const notDraft = (id: string, state: BatchState): AppError =>
  new AppError(
    BatchCodes.NotDraft,
    `Only a draft can be changed or deleted; this batch is ${state}. Duplicate it to make a new draft.`,
    {
      batchId: id,
      state,
    },
    { state },
  );
