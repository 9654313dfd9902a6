import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';

test('a developer switches profile, fills the form, sends a call and copies it as curl', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, 'dev@portico.test');

  // A sandbox key to call with.
  await openHydrated(page, '/keys');
  await page.getByLabel('Name').fill('Console key');
  await page.getByRole('button', { name: 'Create key' }).click();
  await page.getByTestId('issued-token').getByRole('button', { name: 'I have stored it' }).click();

  await openHydrated(page, '/apis/payments-api/operations/getPayment');
  const console = page.getByTestId('try-it');
  const profile = page.getByLabel('Environment');

  // Production: the organization has access, but no production key yet.
  await profile.selectOption('production');
  await expect(console.getByRole('heading', { name: /Try it out/ })).toContainText('Production');
  await expect(console.getByText('Calls need a production key')).toBeVisible();
  await expect(console.getByTestId('snippet')).toContainText('/gateway/payments-api/production/payments/');
  // The choice is saved for the person: it survives a reload.
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByLabel('Environment')).toHaveValue('production');

  await page.getByLabel('Environment').selectOption('sandbox');
  await expect(console.getByRole('heading', { name: /Try it out/ })).toContainText('Sandbox');
  await expect(console.getByLabel('API key')).toContainText('Console key');

  // A required parameter left empty is pointed out and nothing is sent.
  const paymentId = console.getByLabel(/paymentId/);
  await expect(paymentId).toHaveValue('pay_1a2b3c');
  await paymentId.fill('');
  await console.getByRole('button', { name: 'Send request' }).click();
  await expect(console.getByText('This parameter is required.')).toBeVisible();
  await expect(paymentId).toHaveAttribute('aria-invalid', 'true');

  await paymentId.fill('pay_42');
  await console.getByRole('button', { name: 'Send request' }).click();
  await expect(console.getByTestId('try-status')).toHaveText('200');
  await expect(console.getByText('OK: the call worked.')).toBeVisible();
  const body = console.getByTestId('try-response-body');
  await expect(body).toContainText('"path": "/payments/pay_42"');
  await expect(body).toContainText('"organization": "demo-company"');
  await expect(console.getByTestId('try-history')).toContainText('Recent calls from this browser (1)');

  // The same call as curl, with the key as a placeholder.
  await console.getByTestId('copy-snippet').click();
  await expect(console.getByText('Copied to the clipboard.')).toBeVisible();
  const curl = await page.evaluate(() => navigator.clipboard.readText());
  expect(curl).toContain("curl -X GET '");
  expect(curl).toContain('/gateway/payments-api/sandbox/payments/pay_42');
  expect(curl).toContain('"X-API-Key: $PORTICO_API_KEY"');
  expect(curl).not.toContain('ptc_');
  await console.getByRole('button', { name: 'Python' }).click();
  await expect(console.getByTestId('snippet')).toContainText('requests.request(');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/try-it.png', fullPage: true });
});

test('a body is checked against its schema before it is sent, and may be sent anyway', async ({ page }) => {
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/apis/payments-api/operations/createPayment');
  const console = page.getByTestId('try-it');
  const editor = console.getByLabel(/^Body/);
  await expect(editor).toHaveValue(/"amount": 1999/);
  await editor.fill('{"amount": "lots"}');
  const problems = console.getByTestId('body-problems');
  await expect(problems).toContainText('`/amount` should be integer, not string.');
  await expect(problems).toContainText('missing the required property `currency`');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await editor.fill('{"amount": 5,');
  await expect(problems).toContainText('This is not valid JSON');
  await expectAccessible(page);
});

test('without access the console is read-only and offers a request', async ({ page }) => {
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/apis/shipping-api');
  const first = page.locator('.operation-nav a').first();
  await first.click();
  const console = page.getByTestId('try-it');
  await expect(console.getByText('the form is read-only')).toBeVisible();
  await expect(console.getByRole('link', { name: 'Request access' })).toBeVisible();
  await expect(console.getByRole('button', { name: 'Send request' })).toHaveCount(0);
  await expectAccessible(page);
});
