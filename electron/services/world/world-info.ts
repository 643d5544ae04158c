// The world's public description (`GET {admin}/info`), parsed leniently: the app needs its endpoints and the
// ids a firm would configure itself; the story's facts (named clients, system users) serve the actor flow and
// the headless flow only. Party UUIDs may be printed there, but nothing here reads them: the app learns
// them from Altinn.
import { z } from 'zod';

const url = z.string().url();

const person = z.object({
  key: z.string(),
  pid: z.string().regex(/^\d{11}$/),
  name: z.string(),
  rights: z.array(z.string()).default([]),
});

const systemUser = z.object({ id: z.string(), externalRef: z.string().default(''), packages: z.array(z.string()).default([]) });

export const worldInfoSchema = z.object({
  urls: z.object({ maskinporten: url, idporten: url, altinn: url, skatteetaten: url, admin: url }),
  preset: z.string().default('ready'),
  demoDate: z.string().optional(),
  maskinporten: z.object({ issuer: url }),
  skatteetaten: z.object({
    orgNo: z.string(),
    resourceId: z.string(),
    scope: z.string(),
    maskinportenClientId: z.string(),
    apimSubscriptionKey: z.string().default(''),
  }),
  vendor: z.object({
    orgNo: z.string(),
    systemId: z.string(),
    maskinportenClientId: z.string(),
    kid: z.string().optional(),
    scopes: z.array(z.string()).default([]),
  }),
  firm: z.object({ orgNo: z.string(), name: z.string() }),
  /** suK: the firm's client-administration system user; a firm would configure its externalRef itself. */
  systemUsers: z.object({ suA: systemUser, suB: systemUser, suK: systemUser.optional() }),
  persons: z.array(person).default([]),
  idporten: z.object({ clientId: z.string(), scopes: z.array(z.string()).default([]) }),
  clients: z.object({
    named: z.record(z.string(), z.string()).default({}),
    delegated: z.record(z.string(), z.array(z.string())).default({}),
    notDelegated: z.array(z.string()).default([]),
  }),
});

export type WorldInfo = z.infer<typeof worldInfoSchema>;
export type WorldPerson = z.infer<typeof person>;
