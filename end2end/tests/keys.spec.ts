import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';

test('a developer creates a key, calls the gateway with it, deactivates it and sees the call fail', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, 'dev@portico.test');
  await page.getByTestId('account').locator('summary').click();
  await page.getByRole('link', { name: 'API keys' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API keys');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);

  // Bad rules are pointed out, one by one.
  await page.getByLabel('Name').fill('Checkout service');
  await page.getByLabel('Allowed addresses (optional)').fill('10.0.0.1, 10.0.0.300\n10.0.0.0/40');
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByText('"10.0.0.300" is not an IP address')).toBeVisible();
  await expect(page.getByText('0 to 32')).toBeVisible();
  await expect(page.getByLabel('Allowed addresses (optional)')).toHaveAttribute('aria-invalid', 'true');

  // Rules that would lock the person out are flagged before the key is made.
  await page.getByLabel('Allowed addresses (optional)').fill('10.0.0.0/8');
  await expect(page.getByText('These rules block your current address')).toBeVisible();
  await page.getByLabel('Allowed addresses (optional)').fill('');
  await page.getByRole('button', { name: /Add my current address/ }).click();
  await expect(page.getByLabel('Allowed addresses (optional)')).toHaveValue('127.0.0.1');
  await expect(page.getByText('These rules block your current address')).toBeHidden();
  await page.getByRole('button', { name: 'Create key' }).click();

  // The token is shown once; copy it.
  const issued = page.getByTestId('issued-token');
  await expect(issued).toContainText('Copy it now');
  await issued.getByRole('button', { name: 'Copy' }).click();
  await expect(issued.getByText('Copied to the clipboard.')).toBeVisible();
  const token = await page.evaluate(() => navigator.clipboard.readText());
  expect(token).toMatch(/^ptc_test_[0-9A-Za-z]{38}$/);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/api-keys.png', fullPage: true });

  // The key works through the gateway against the demo API.
  const call = () =>
    page.request.get('/gateway/payments-api/sandbox/payments?limit=2', { headers: { 'X-API-Key': token } });
  const answer = await call();
  expect(answer.status()).toBe(200);
  const echo = await answer.json();
  expect(echo.path).toBe('/payments');
  expect(echo.organization).toBe('demo-company');

  // Once stored, it is never shown again; the list shows its prefix.
  await issued.getByRole('button', { name: 'I have stored it' }).click();
  await expect(issued).toHaveCount(0);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByText(token)).toHaveCount(0);
  const card = page.getByTestId('api-key').filter({ hasText: 'Checkout service' });
  await expect(card).toContainText(token.slice(0, 13));
  await expect(card).toContainText('Allowed from: 127.0.0.1');

  await card.getByRole('button', { name: 'Deactivate Checkout service' }).click();
  await expect(card).toContainText('Deactivated');
  const refused = await call();
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toBe('key_deactivated');

  // Delete asks first, with the focus on the question's first button; Escape or Cancel closes
  // it and the focus goes back to Delete.
  const opener = card.getByRole('button', { name: 'Delete Checkout service' });
  await opener.focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText('for good?')).toBeVisible();
  await expect(card.getByRole('button', { name: 'Delete for good' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(card.getByText('for good?')).toBeHidden();
  await expect(opener).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Delete for good' })).toBeFocused();
  await card.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(card.getByText('for good?')).toBeHidden();
  await expect(opener).toBeFocused();
  await card.getByRole('button', { name: 'Delete Checkout service' }).click();
  await card.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByTestId('api-key').filter({ hasText: 'Checkout service' })).toHaveCount(0);
});

test('the keys page works at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/keys');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
