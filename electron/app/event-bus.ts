// Main → renderer notifications. Each transport (IPC, the host's event stream) subscribes once.
import { events, type EventName, type EventPayload } from '../../shared/contract';

export type EventListener = (name: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      // A payload that does not match its schema is a bug here, not something to send on.
      const checked = events[name].parse(payload);
      for (const l of listeners) l(name, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
