// Party UUIDs for unit-test fakes. Altinn's are random and never derived from an org number, so the fakes draw
// random ones too, stable within one test run, so a test can never pass by guessing them.
import { randomUUID } from 'node:crypto';

const drawn = new Map<string, string>();

export function testPartyUuid(orgNumber: string): string {
  let uuid = drawn.get(orgNumber);
  if (!uuid) {
    uuid = randomUUID();
    drawn.set(orgNumber, uuid);
  }
  return uuid;
}
