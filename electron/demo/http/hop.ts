// Calls from one simulated service to another go over real HTTP, so they show up in the traffic log
// exactly as the app's own calls do.
import type { ServiceName } from '../types';

export interface HopRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  correlationId: string;
  caller: ServiceName;
  timeoutMs?: number;
}

export interface HopResponse {
  status: number;
  headers: Headers;
  text: string;
}

export const CALLER_HEADER = 'x-demo-caller';
export const CORRELATION_HEADER = 'x-correlation-id';

export async function hop(url: string, req: HopRequest): Promise<HopResponse> {
  const res = await fetch(url, {
    method: req.method ?? 'GET',
    headers: { ...req.headers, [CORRELATION_HEADER]: req.correlationId, [CALLER_HEADER]: req.caller },
    ...(req.body !== undefined ? { body: req.body } : {}),
    signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
  });
  return { status: res.status, headers: res.headers, text: await res.text() };
}
