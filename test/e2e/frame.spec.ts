import { expect, openApp, test } from './fixtures';
import { post } from './host-api';
import { invokePath, launchFragment } from '../../shared/contract/transport';

test('the frame renders navigation and the status bar in bokmål', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Klientdesk' })).toBeVisible();
  for (const label of ['Klienter', 'Bunker', 'Krav', 'Aktørflyt', 'Innstillinger', 'Revisjonslogg']) {
    await expect(page.getByRole('navigation').getByText(label, { exact: true })).toBeVisible();
  }
  await expect(page.getByTestId('status-environment')).toContainText('Demo');
  // The one-time code is taken out of the address bar once read.
  expect(page.url()).not.toContain(launchFragment(''));
});

test('the host refuses the contract without the secret', async ({ request }) => {
  const res = await post(request, 'app.status', {}, false);
  expect(res.status()).toBe(401);
});

test('the page tells the host once, after its first screen has its answers, that the first screen is up', async ({ page }) => {
  // In order: the client list's first answer, and each "first screen is up" the page sends, as a POST or a frame.
  const seen: string[] = [];
  page.on('requestfinished', (req) => {
    if (req.url().endsWith(invokePath('clients.query'))) seen.push('rows');
    if (req.url().endsWith(invokePath('app.firstScreen'))) seen.push('firstScreen');
  });
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      if (typeof payload === 'string' && (JSON.parse(payload) as { channel?: string }).channel === 'app.firstScreen')
        seen.push('firstScreen');
    }),
  );
  await openApp(page);
  await expect(page.getByTestId('clients-total')).toBeVisible();
  await expect.poll(() => seen.filter((s) => s === 'firstScreen').length).toBe(1);
  expect(seen.indexOf('rows')).toBeGreaterThanOrEqual(0);
  expect(seen.indexOf('rows')).toBeLessThan(seen.indexOf('firstScreen'));
  // Moving about the app asks more questions, and says nothing of the kind again.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('nav-clients').click();
  await expect(page.getByTestId('clients-total')).toBeVisible();
  expect(seen.filter((s) => s === 'firstScreen')).toHaveLength(1);
});
