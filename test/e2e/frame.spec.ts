import { expect, openApp, test } from './fixtures';
import { post } from './host-api';
import { launchFragment } from '../../shared/contract/transport';

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
