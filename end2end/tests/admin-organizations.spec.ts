import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';

test('an admin switches portal access and authorizes an address', async ({ page }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/organizations');
  const card = page.getByTestId('organization').filter({ hasText: 'Demo Company' });
  await expect(card.getByText('On', { exact: true })).toBeVisible();

  await card.getByRole('button', { name: 'Turn portal access off' }).click();
  await expect(card.getByText('Off', { exact: true })).toBeVisible();
  await card.getByRole('button', { name: 'Turn portal access on' }).click();
  await expect(card.getByText('On', { exact: true })).toBeVisible();

  await card.getByLabel('Authorize an address').fill('not-an-email');
  await card.getByRole('button', { name: 'Authorize' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'An email address looks like name@example.com.' })).toBeVisible();

  await card.getByLabel('Authorize an address').fill('partner@client.test');
  await card.getByRole('button', { name: 'Authorize' }).click();
  await expect(card.getByText('partner@client.test')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-organizations.png', fullPage: true });

  await card.getByRole('button', { name: 'Remove partner@client.test' }).click();
  await expect(card.getByText('partner@client.test')).toHaveCount(0);

  // Domains whose people join on their first sign-in; public mail services are refused.
  await card.getByLabel('Add a domain').fill('gmail.com');
  await card.getByRole('button', { name: 'Add domain' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'gmail.com is a public email service' })).toBeVisible();
  await card.getByLabel('Add a domain').fill('democlient.test');
  await card.getByRole('button', { name: 'Add domain' }).click();
  await expect(card.getByText('democlient.test')).toBeVisible();
  await expectAccessible(page);
  await card.getByRole('button', { name: 'Remove democlient.test' }).click();
  await expect(card.getByText('democlient.test')).toHaveCount(0);
});
