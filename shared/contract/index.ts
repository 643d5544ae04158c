import type { z } from 'zod';
import { actorflowChannels } from './actorflow';
import { appChannels, appEvents } from './app';
import { auditChannels } from './audit';
import { batchesChannels, batchesEvents } from './batches';
import { claimsChannels } from './claims';
import { employeesChannels } from './employees';
import { clientsChannels, clientsEvents } from './clients';
import { keysChannels } from './keys';
import { proposalsChannels } from './proposals';
import { unattendedChannels } from './unattended';

/** The whole IPC contract: main, preload, the browser host and the renderer client are all derived from this. */
export const contract = {
  ...appChannels,
  ...clientsChannels,
  ...batchesChannels,
  ...claimsChannels,
  ...employeesChannels,
  ...keysChannels,
  ...auditChannels,
  ...actorflowChannels,
  ...unattendedChannels,
  ...proposalsChannels,
};

export const events = {
  ...appEvents,
  ...clientsEvents,
  ...batchesEvents,
};

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(contract) as ChannelName[];
export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

export * from './define';
