// The one e2e client of the browser host's protocol (shared/contract/transport.ts): channels called with the
// host secret as a tool would, launch codes, and calls made from inside the page on its session cookie.
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';
import type { Result } from '../../shared/contract/define';
import { HOST_ROUTES, invokePath, JSON_MEDIA_TYPE, launchCodeAnswer, SECRET_HEADER } from '../../shared/contract/transport';

/** The header a tool holding the host secret sends. */
export const secretHeaders = (): Record<string, string> => ({ [SECRET_HEADER]: E2E_SECRET });

/** POSTs a channel's input; `withSecret: false` sends it as a stranger would, with neither secret nor cookie. */
export function post(request: APIRequestContext, channel: string, input: unknown = {}, withSecret = true): Promise<APIResponse> {
  return request.post(invokePath(channel), { headers: withSecret ? secretHeaders() : {}, data: input });
}

/** A channel's Result, ok or not. */
export async function invokeResult<T = unknown>(request: APIRequestContext, channel: string, input: unknown = {}): Promise<Result<T>> {
  return (await (await post(request, channel, input)).json()) as Result<T>;
}

/** A channel's value; a refusal fails the test with the channel and the message. */
export async function invoke<T>(request: APIRequestContext, channel: string, input: unknown = {}): Promise<T> {
  const result = await invokeResult<T>(request, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** A fresh one-time launch code, as the host prints in its launch URL (asked for with the host secret). */
export async function launchCode(request: APIRequestContext): Promise<string> {
  const res = await request.post(HOST_ROUTES.launchCode, { headers: secretHeaders() });
  if (res.status() !== 200) throw new Error(`launch code: the host answered ${res.status()}`);
  return launchCodeAnswer.parse(await res.json()).code;
}

/** Calls a channel from inside the page, carried by the page's own session cookie as the app's calls are; gives the status. */
export function invokeInPage(page: Page, channel: string, input: unknown = {}): Promise<number> {
  return page.evaluate(
    async ({ path, mediaType, body }) => (await fetch(path, { method: 'POST', headers: { 'Content-Type': mediaType }, body })).status,
    { path: invokePath(channel), mediaType: JSON_MEDIA_TYPE, body: JSON.stringify(input) },
  );
}
