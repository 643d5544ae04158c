// No failure leaves a blank window: settings that cannot be read give a plain-words page with "Try again", and
// trying again once the host answers opens the app.
import { expect, launchCode, test } from './fixtures';

test('a start whose settings cannot be read says so in plain words and recovers on "Prøv igjen"', async ({ page }) => {
  let failing = true;
  // A page posts its first calls and sends the later ones on its socket once open: settings.get fails on both.
  await page.route('**/api/invoke/settings.get', async (route) => {
    if (failing) await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'down' }) });
    else await route.continue();
  });
  await page.routeWebSocket('**/api/socket', (socket) => {
    const host = socket.connectToServer();
    socket.onMessage((frame) => {
      const call = JSON.parse(String(frame)) as { id: number; channel: string };
      if (failing && call.channel === 'settings.get') {
        socket.send(JSON.stringify({ id: call.id, result: { ok: false, error: { code: 'HOST_503', message: 'down' } } }));
      } else host.send(frame);
    });
  });
  await page.goto(`/#c=${await launchCode(page)}`);
  const failure = page.getByTestId('app-failure');
  await expect(failure.getByRole('heading', { name: 'Klientdesk fikk ikke lest innstillingene sine' })).toBeVisible();
  await expect(failure.getByRole('button', { name: 'Last inn vinduet på nytt' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);

  failing = false;
  await failure.getByRole('button', { name: 'Prøv igjen' }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByTestId('app-failure')).toHaveCount(0);
});
