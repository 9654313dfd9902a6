import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { waitForSubject } from './mail';

const weather = `openapi: 3.1.0
info:
  title: Weather API
  version: 2.0.0
  description: Forecasts for every city.
paths:
  /forecast/{city}:
    get:
      operationId: getForecast
      summary: Get the forecast of a city
      parameters:
        - { name: city, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: The forecast. }
`;

test('a developer asks for an API and an admin approves it from the inbox', async ({ page, browser }) => {
  // The admin publishes a new API.
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/collections');
  await page.getByLabel('OpenAPI document (JSON or YAML)').setInputFiles({
    name: 'weather.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(weather),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/admin\/collections\/weather-api\?imported=1$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Saved.', { exact: true })).toBeVisible();

  // The developer finds it in Discover and asks for it.
  const context = await browser.newContext();
  const dev = await context.newPage();
  await signInAs(dev, 'dev@portico.test');
  await openHydrated(dev, '/discover?q=weather');
  const card = dev.getByTestId('collection-card').filter({ hasText: 'Weather API' });
  await card.getByRole('link', { name: 'Request access to Weather API' }).click();
  await expect(dev.getByRole('heading', { level: 1 })).toHaveText('Request access to Weather API');
  await expect(dev.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await dev.getByLabel('Why do you need it?').fill('soon');
  await dev.getByRole('button', { name: 'Send request' }).click();
  await expect(dev.getByText('what you will build with this API')).toBeVisible();
  await expect(dev.getByLabel('Why do you need it?')).toHaveAttribute('aria-invalid', 'true');
  await dev.getByLabel('Production').check();
  await dev.getByLabel('Why do you need it?').fill('Our mobile app shows the forecast of the traveller’s next city.');
  await dev.getByLabel('Notes (optional)').fill('About 10,000 calls a day.');
  await expectAccessible(dev);
  await dev.screenshot({ path: 'test-results/screens/request-access.png', fullPage: true });
  await dev.getByRole('button', { name: 'Send request' }).click();
  await expect(dev).toHaveURL(/\/requests\?sent=1$/);
  const mine = dev.getByTestId('my-request').filter({ hasText: 'Weather API' });
  await expect(mine).toContainText('Pending');
  await expect(mine).toContainText('Sandbox');
  await expect(mine).toContainText('Production');
  await expectAccessible(dev);
  await dev.screenshot({ path: 'test-results/screens/my-requests.png', fullPage: true });

  // The admin sees the badge, opens the inbox and approves.
  await openHydrated(page, '/apis');
  const badge = page.getByTestId('approvals-badge');
  await expect(badge).toContainText('1');
  await badge.click();
  await expect(page).toHaveURL(/\/admin\/requests$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access requests');
  const request = page.getByTestId('inbox-request').filter({ hasText: 'Weather API' });
  await expect(request).toContainText('Our mobile app shows the forecast');
  await expect(request).toContainText('About 10,000 calls a day.');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/approvals-inbox.png', fullPage: true });
  await request.getByLabel('Note (optional)').fill('Enjoy, and mind the rate limits.');
  await request.getByRole('button', { name: 'Approve' }).click();
  await expect(request).toHaveCount(0);
  await expect(page.getByTestId('approvals-badge')).toHaveCount(0);
  const mail = await waitForSubject('dev@portico.test', 'Access to Weather API approved');
  expect(mail.text).toContain('Enjoy, and mind the rate limits.');

  // The developer is told on the next visit, and has the API.
  await openHydrated(dev, '/apis');
  await expect(dev.getByTestId('decision-notice')).toBeVisible();
  await expect(dev.getByTestId('collection-card').filter({ hasText: 'Weather API' })).toBeVisible();
  await dev.getByRole('link', { name: 'See what was decided' }).click();
  await expect(dev.getByTestId('my-request').filter({ hasText: 'Weather API' })).toContainText('Approved');
  await expect(dev.getByText('Enjoy, and mind the rate limits.')).toBeVisible();
  await expect(dev.getByTestId('decision-notice')).toHaveCount(0);
  await context.close();

  // Every step is in the audit log.
  await openHydrated(page, '/admin/audit?action=access.approved');
  await expect(page.getByTestId('audit-row').first()).toContainText('admin@portico.test');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/audit-log.png', fullPage: true });
});

test('a rejection shows its reason and the developer may ask again', async ({ page, browser }) => {
  const context = await browser.newContext();
  const dev = await context.newPage();
  await signInAs(dev, 'dev@portico.test');
  await openHydrated(dev, '/apis/shipping-api');
  await dev.getByRole('link', { name: 'Request access' }).click();
  await expect(dev.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await dev.getByLabel('Why do you need it?').fill('We ship the orders of our shop and need labels printed automatically.');
  await dev.getByRole('button', { name: 'Send request' }).click();
  await expect(dev).toHaveURL(/\/requests\?sent=1$/);

  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/requests');
  const request = page.getByTestId('inbox-request').filter({ hasText: 'Shipping API' });
  await request.getByRole('button', { name: 'Reject' }).click();
  await expect(request.getByText('Give a reason for rejecting')).toBeVisible();
  await request.getByLabel('Reason for rejecting').fill('Shipping is for logistics partners only.');
  await request.getByRole('button', { name: 'Reject' }).click();
  await expect(request).toHaveCount(0);

  await openHydrated(dev, '/requests');
  const mine = dev.getByTestId('my-request').filter({ hasText: 'Shipping API' });
  await expect(mine).toContainText('Rejected');
  await expect(mine).toContainText('Shipping is for logistics partners only.');
  await mine.getByRole('link', { name: 'Ask again' }).click();
  await expect(dev.getByRole('heading', { level: 1 })).toHaveText('Request access to Shipping API');
  await context.close();
});
