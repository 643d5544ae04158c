// The rules for proposals after a sync, in Chromium: a group of employees with Kari in it, a REGN rule that sends
// new clients to the group, "submit without review" unusable while the firm does not run unattended; saved and
// read back, then taken away again so the shared app is left as it was found.
import { expect, test } from './fixtures';
import { readyApp } from './views';

test('rules route REGN clients to an employee group, and the unattended switch waits for the setting', async ({ page }) => {
  await readyApp(page, 'nb');
  await page.getByTestId('nav-batches').click();
  await page.getByTestId('proposal-rules').click();
  const dialog = page.getByRole('dialog', { name: 'Regler for forslag etter synkronisering' });

  await dialog.getByRole('button', { name: 'Legg til gruppe' }).click();
  await dialog.getByTestId('rule-group-name-0').fill('Team X');
  await dialog.getByTestId('rule-group-members-0').getByRole('combobox').click();
  await page.getByRole('option', { name: 'Kari Nordby' }).click();

  await dialog.getByTestId('rule-add').click();
  const rule = dialog.getByTestId('rule-0');
  // Sends nowhere yet: saving waits for a target.
  await expect(rule.getByText('Velg minst én systemtilgang, ansatt eller gruppe.')).toBeVisible();
  await expect(dialog.getByTestId('rules-save')).toBeDisabled();
  await rule.getByRole('combobox', { name: 'Grupper' }).click();
  await page.getByRole('option', { name: 'Team X' }).click();
  await expect(rule.getByLabel('Send uten gjennomgang')).toBeDisabled();
  await expect(rule.getByText(/Kan bare slås på når/)).toBeVisible();
  await dialog.getByTestId('rules-save').click();
  await expect(dialog).toBeHidden();

  await page.getByTestId('proposal-rules').click();
  await expect(dialog.getByTestId('rule-group-name-0')).toHaveValue('Team X');
  await expect(dialog.getByTestId('rule-group-members-0')).toContainText('Kari Nordby');
  await expect(dialog.getByTestId('rule-0')).toContainText('Team X');

  await dialog.getByRole('button', { name: 'Fjern regelen for REGN' }).click();
  await dialog.getByRole('button', { name: 'Fjern gruppen Team X' }).click();
  await dialog.getByTestId('rules-save').click();
  await expect(dialog).toBeHidden();
});
