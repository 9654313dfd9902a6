import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';

test('an admin makes an API token, a script uses it, and revoking stops it', async ({ page, request }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/api-tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin API tokens' })).toBeVisible();

  // A name is required; the mistake is shown at the field.
  await page.getByRole('button', { name: 'Create token' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(page.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');

  const name = `Provisioning ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Expires after').selectOption('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  const issued = page.getByTestId('issued-token');
  await expect(issued).toContainText('this is the only time it is shown');
  const token = await issued.getByLabel('Admin API token').inputValue();
  expect(token).toMatch(/^ptc_admin_[0-9A-Za-z]{38}$/);
  const card = page.getByTestId('api-token').filter({ hasText: name });
  await expect(card).toContainText('Active');
  await expect(card).toContainText('never used');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-api-tokens.png', fullPage: true });

  // The token works against the management API, and the page says it was used.
  const listed = await request.get('/api/v1/admin/organizations', { headers: { authorization: `Bearer ${token}` } });
  expect(listed.status()).toBe(200);
  expect((await listed.json()).items.map((o: { name: string }) => o.name)).toContain('Demo Company');
  await issued.getByRole('button', { name: 'I have stored it' }).click();
  await expect(issued).toHaveCount(0);
  await openHydrated(page, '/admin/api-tokens');
  await expect(card).toContainText('last used');
  await expect(page.getByText(token)).toHaveCount(0);

  // Revoking asks first, then stops the token at once.
  await card.getByRole('button', { name: `Revoke ${name}` }).click();
  await card.getByRole('button', { name: 'Revoke now' }).click();
  await expect(card).toContainText('Revoked');
  const refused = await request.get('/api/v1/admin/organizations', { headers: { authorization: `Bearer ${token}` } });
  expect(refused.status()).toBe(401);
  await expectAccessible(page);
});
