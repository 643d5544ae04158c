import { z } from 'zod';
import { channel, noInput, orgNumber, shortText, uuid } from './define';

/** A package held from a client through one of the client's roles towards the firm. */
export const heldPackageSchema = z.object({ role: z.string(), packageCode: z.string() });

export const employeeSchema = z.object({
  partyUuid: z.string(),
  /** As Altinn gave it: untrusted text, never markup. */
  name: z.string(),
  addedAt: z.string().nullable(),
  clientCount: z.number(),
  /** Package codes held from at least one client. */
  packages: z.array(z.string()),
});
export type Employee = z.infer<typeof employeeSchema>;

export const employeeClientSchema = z.object({
  orgNumber: z.string().nullable(),
  name: z.string(),
  packages: z.array(heldPackageSchema),
});

export const accessHolderSchema = z.object({
  partyUuid: z.string(),
  name: z.string(),
  kind: z.enum(['person', 'systemUser', 'organisation']),
  packages: z.array(heldPackageSchema),
});

/** A batch target for an employee: the person and the client packages a batch gives or takes. */
export const employeeTargetSchema = z.object({
  id: z.string(),
  title: z.string(),
  agentPartyUuid: z.string(),
  packages: z.array(z.string()),
});
export type EmployeeTarget = z.infer<typeof employeeTargetSchema>;

export const employeesChannels = {
  'employees.list': channel(noInput, z.array(employeeSchema)),
  /** A national id (11 digits, checksum checked) or an Altinn username, and the last name. */
  'employees.add': channel(
    z.strictObject({ personIdentifier: z.string().max(64), lastName: shortText }),
    z.object({ partyUuid: z.string(), name: z.string() }),
  ),
  /** The client rights that go with the employee when removed. */
  'employees.clients': channel(z.strictObject({ partyUuid: uuid }), z.array(employeeClientSchema)),
  'employees.remove': channel(
    z.strictObject({ partyUuid: uuid, confirmedClientCount: z.number().int().min(0) }),
    z.object({ removedClientCount: z.number() }),
  ),
  /** Who has access to a client: agent system users and employees together, as Altinn says now. */
  'employees.clientAccess': channel(z.strictObject({ orgNumber }), z.array(accessHolderSchema)),
  /** The target id a batch uses for giving (or taking) these packages to (from) this employee. */
  'employees.target': channel(
    z.strictObject({ partyUuid: uuid, name: shortText, packages: z.array(shortText).min(1).max(10) }),
    employeeTargetSchema,
  ),
};
