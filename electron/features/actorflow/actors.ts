// Which lane of the sequence diagram a service or a caller belongs to.
import type { ActorId } from '../../../shared/contract/actorflow';
import type { ServiceName } from '../../platform/errors';

/** The lane a called service is drawn in; `demo`/`local` never leave the vendor's machine. */
export function actorOfService(service: ServiceName): ActorId {
  switch (service) {
    case 'maskinporten':
    case 'idporten':
    case 'altinn':
    case 'skatteetaten':
      return service;
    case 'demo':
    case 'local':
      return 'vendor';
  }
}
