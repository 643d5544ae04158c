import { z } from 'zod';
import { channel, empty, environmentId, isoDateTime, noInput, orgNumber, shortText } from './define';

export const language = z.enum(['nb', 'en']);
export const themeMode = z.enum(['system', 'light', 'dark']);

export const sessionSchema = z.object({
  person: z.object({ name: z.string(), pid: z.string() }),
  firm: z.object({ orgNumber: z.string(), name: z.string() }),
  environment: environmentId,
  isClientAdmin: z.boolean(),
  signedInAt: isoDateTime,
  expiresAt: isoDateTime.nullable(),
});
export type Session = z.infer<typeof sessionSchema>;

export const appStatusSchema = z.object({
  environment: environmentId,
  /** The environment's services are up (false while the app starts or after connecting failed): Settings shows its live addresses only then. */
  connected: z.boolean(),
  /** Not connected yet, and not failed: the environment is still coming up (it starts after the first screen). */
  connecting: z.boolean(),
  online: z.boolean(),
  session: sessionSchema.nullable(),
  lastSyncAt: isoDateTime.nullable(),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

/**
 * "Run as the firm's client-administration system user": a standard system user of the firm holding the package
 * klientadministrator, found by Maskinporten from the firm's org number and this externalRef (altinn.md §8.3).
 */
export const unattendedSettingSchema = z.object({ enabled: z.boolean(), externalRef: z.string().max(200) });

export const environmentConfigSchema = z.object({
  id: environmentId,
  firmOrgNumber: orgNumber.or(z.literal('')),
  maskinportenClientId: z.string().max(100),
  kid: z.string().max(200),
  scopes: z.array(z.string().max(200)).max(20),
  systemId: z.string().max(200),
  idportenClientId: z.string().max(100),
  unattended: unattendedSettingSchema.default({ enabled: false, externalRef: '' }),
  /** Resolved, read-only: the service addresses this environment talks to. */
  urls: z.record(z.string(), z.string()).optional(),
});
export type EnvironmentConfig = z.infer<typeof environmentConfigSchema>;

/** A demo world that runs on its own (`npm run demo-world`): its admin address; empty = the embedded world. */
export const demoWorldSettingSchema = z.object({
  address: z.string().max(300),
  /** Whether the admin secret is stored; the secret itself never leaves the main process. */
  secretSet: z.boolean(),
});

/** An employee as a routing rule names them: the person's party in Altinn and the name shown. */
export const ruleEmployeeSchema = z.object({ partyUuid: z.string().uuid(), name: shortText });
export type RuleEmployee = z.infer<typeof ruleEmployeeSchema>;

/** A named group of employees the firm routes clients to together ("the REGN team"). */
export const employeeGroupSchema = z.object({ name: z.string().min(1).max(80), members: z.array(ruleEmployeeSchema).max(50) });
export type EmployeeGroup = z.infer<typeof employeeGroupSchema>;

/**
 * Where proposals after a sync send a new client of a relationship: system users and/or employees, named one by
 * one or as groups; employees are given `employeePackages` from the client. `unattended` submits the rule's
 * proposals without review, and only while the environment runs as the client-administration system user.
 */
export const routingRuleSchema = z.object({
  relationship: z.enum(['REGN', 'REVI', 'FFØR']),
  systemUserIds: z.array(z.string().uuid()).max(10),
  employees: z.array(ruleEmployeeSchema).max(20).default([]),
  groups: z.array(z.string().min(1).max(80)).max(10).default([]),
  employeePackages: z.array(z.string().min(1).max(120)).max(10).default([]),
  unattended: z.boolean(),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;
export const proposalSettingsSchema = z.object({
  rules: z.array(routingRuleSchema).max(20),
  groups: z.array(employeeGroupSchema).max(20).default([]),
});
export type ProposalSettings = z.infer<typeof proposalSettingsSchema>;

export const settingsSchema = z.object({
  language,
  theme: themeMode,
  environment: environmentId,
  environments: z.object({ demo: environmentConfigSchema, test: environmentConfigSchema, production: environmentConfigSchema }),
  runner: z.object({ concurrency: z.number().int().min(1).max(20) }),
  demoWorld: demoWorldSettingSchema.default({ address: '', secretSet: false }),
  proposals: proposalSettingsSchema.default({ rules: [], groups: [] }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const settingsPatchSchema = z.strictObject({
  language: language.optional(),
  theme: themeMode.optional(),
  environment: environmentId.optional(),
  environmentConfig: environmentConfigSchema.omit({ urls: true, id: true }).partial().strict().extend({ id: environmentId }).optional(),
  runner: z.strictObject({ concurrency: z.number().int().min(1).max(20) }).optional(),
  /** An empty address goes back to the embedded world; the secret is kept when left out. */
  demoWorld: z.strictObject({ address: z.string().max(300), secret: z.string().max(500).optional() }).optional(),
  proposals: z
    .strictObject({ rules: z.array(routingRuleSchema.strict()).max(20), groups: z.array(employeeGroupSchema.strict()).max(20).optional() })
    .optional(),
});

/** What a demo person may do at the firm, as a code; the sign-in picker words it in the user's language. */
export const demoPersonRoles = ['client_admin', 'access_manager', 'employee'] as const;
export type DemoPersonRole = (typeof demoPersonRoles)[number];
export const demoPersonSchema = z.object({ pid: z.string(), name: z.string(), role: z.enum(demoPersonRoles) });
export type DemoPerson = z.infer<typeof demoPersonSchema>;

export const appChannels = {
  'app.info': channel(
    noInput,
    z.object({ name: z.string(), version: z.string(), mode: z.enum(['electron', 'browser']), platform: z.string(), dataDir: z.string() }),
  ),
  'app.status': channel(noInput, appStatusSchema),
  /**
   * The window's first screen is up: the app now starts what that screen does not need (the environment, the
   * search index), which until then would take the processor from it.
   */
  'app.firstScreen': channel(noInput, empty),
  'settings.get': channel(noInput, settingsSchema),
  'settings.update': channel(settingsPatchSchema, settingsSchema),
  'session.demoPersons': channel(noInput, z.array(demoPersonSchema)),
  'session.signIn': channel(z.strictObject({ pid: shortText.optional() }), sessionSchema),
  'session.current': channel(noInput, sessionSchema.nullable()),
  'session.signOut': channel(noInput, empty),
  /** Stops waiting for a sign-in in the system browser; the pending session.signIn fails with LOGIN_CANCELLED. */
  'session.cancelSignIn': channel(noInput, empty),
  /** Opens an https link in the system browser; anything else is refused. */
  'app.openExternal': channel(z.strictObject({ url: z.string().max(2000) }), empty),
};

export const appEvents = {
  'app.status': appStatusSchema,
};
