// Names the access package an AND-rule refusal (AUTH-00080) is about: what the system user requires minus
// what the firm holds from the client. Only used for the item's text; Altinn's code stands without it.
import { missingPackages as missingFromAndRule } from '../../../shared/domain/packages';
import type { RunnerOptions } from './runner-types';

export class SystemUserPackages {
  private readonly known = new Map<string, string[]>();

  constructor(private readonly options: Pick<RunnerOptions, 'altinn' | 'clientPackages' | 'systemUserPackages'>) {}

  gap(orgNumber: string, systemUserId: string): string[] | undefined {
    const held = this.options.clientPackages?.(orgNumber);
    const required = this.known.get(systemUserId);
    return held && required ? missingFromAndRule(required, held) : undefined;
  }

  async learn(systemUserId: string): Promise<void> {
    if (this.known.has(systemUserId) || !this.options.clientPackages) return;
    const local = this.options.systemUserPackages?.(systemUserId);
    if (local && local.length > 0) {
      this.known.set(systemUserId, local);
      return;
    }
    try {
      const su = (await this.options.altinn().listAgentSystemUsers()).find((s) => s.id === systemUserId);
      if (su) this.known.set(systemUserId, su.packages);
    } catch {
      // Only used to name the missing package; the code and Altinn's own message stand without it.
    }
  }
}
