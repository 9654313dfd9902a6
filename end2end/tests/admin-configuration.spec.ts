import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import fs from 'node:fs';

test('an admin downloads the configuration and sets the portal up from a file', async ({ page }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin');
  await page.getByRole('link', { name: /Configuration/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Configuration');
  await expect(page.getByText(/Branding, \d+ organizations?, \d+ collections?/)).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download configuration' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('portico-config.json');
  const path = await download.path();
  const exported = JSON.parse(fs.readFileSync(path, 'utf8'));
  expect(exported.format).toBe(1);
  expect(exported.organizations.map((o: { name: string }) => o.name)).toContain('Demo Company');
  for (const provider of exported.identity_providers) expect(provider).not.toHaveProperty('client_secret');
  expect(exported.collections.map((c: { settings: { slug: string } }) => c.settings.slug)).not.toContain('portico-management-api');

  // A mistake anywhere is named, and nothing is written.
  const file = page.getByLabel('Configuration file (JSON)');
  const withPartner = (domains: string[]) => ({
    ...exported,
    organizations: [
      ...exported.organizations,
      { slug: 'file-partners', name: 'File Partners', domains, environments: ['sandbox'] },
    ],
  });
  await file.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withPartner(['gmail.com']))),
  });
  await page.getByRole('button', { name: 'Import configuration' }).click();
  await expect(page.getByTestId('import-error')).toContainText('gmail.com is a public email service');
  await expect(page.getByTestId('import-error')).toContainText('organizations[');
  await expectAccessible(page);

  await file.setInputFiles({
    name: 'portal.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(withPartner(['filepartners.test']))),
  });
  await page.getByRole('button', { name: 'Import configuration' }).click();
  await expect(page.getByTestId('import-done')).toContainText(/Imported: \d+ changes?/);
  await page.screenshot({ path: 'test-results/screens/admin-configuration.png', fullPage: true });

  await openHydrated(page, '/admin/organizations');
  const partners = page.getByTestId('organization').filter({ hasText: 'File Partners' });
  await expect(partners.getByText('filepartners.test')).toBeVisible();
  await expect(partners.getByLabel('Sandbox')).toBeChecked();
  await expect(partners.getByLabel('Production')).not.toBeChecked();

  // Environments: at least one; the choice is kept.
  await partners.getByLabel('Sandbox').uncheck();
  await partners.getByRole('button', { name: 'Save environments' }).click();
  await expect(partners.getByRole('alert').filter({ hasText: 'Choose at least one environment' })).toBeVisible();
  await partners.getByLabel('Production').check();
  await partners.getByRole('button', { name: 'Save environments' }).click();
  await expect(partners.getByRole('alert').filter({ hasText: 'Choose at least one environment' })).toHaveCount(0);
  await openHydrated(page, '/admin/organizations');
  const reloaded = page.getByTestId('organization').filter({ hasText: 'File Partners' });
  await expect(reloaded.getByLabel('Production')).toBeChecked();
  await expect(reloaded.getByLabel('Sandbox')).not.toBeChecked();

  await reloaded.getByRole('button', { name: 'Archive File Partners' }).click();
  await reloaded.getByRole('button', { name: 'Archive for good' }).click();
  await expect(page.getByTestId('organization').filter({ hasText: 'File Partners' })).toHaveCount(0);
});
