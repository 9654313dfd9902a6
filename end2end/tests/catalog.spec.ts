import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import fs from 'node:fs';

const inventory = `openapi: 3.0.3
info:
  title: Inventory API
  version: 0.9.1
  description: Stock levels of every warehouse.
tags:
  - name: Stock
paths:
  /stock/{sku}:
    get:
      operationId: getStock
      tags: [Stock]
      summary: Check the stock level of an item
      parameters:
        - { name: sku, in: path, required: true, schema: { type: string }, example: SKU-1 }
      responses:
        '200':
          description: Units on hand.
          content:
            application/json:
              schema:
                type: object
                properties:
                  sku: { type: string }
                  units: { type: integer, minimum: 0 }
`;

test('an admin publishes a spec; a developer finds it by an operation, reads it and downloads it', async ({ page, browser }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/collections');
  await expect(page.getByTestId('collection-row').filter({ hasText: 'Payments API' })).toBeVisible();

  // A broken document is refused with the reason and where it is.
  await page.getByLabel('OpenAPI document (JSON or YAML)').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"openapi": "3.0.0",\n "paths": [}'),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByTestId('upload-error')).toContainText('line 2');

  await page.getByLabel('OpenAPI document (JSON or YAML)').setInputFiles({
    name: 'inventory.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from(inventory),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page).toHaveURL(/\/admin\/collections\/inventory-api\?imported=1$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByLabel('Slug (in addresses)').fill('Not A Slug');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('A slug uses only lower-case letters')).toBeVisible();
  await page.getByLabel('Slug (in addresses)').fill('inventory-api');
  await page.getByLabel('Tags').fill('inventory, logistics');
  await page.getByLabel('Status').selectOption('published');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-collection.png', fullPage: true });

  const context = await browser.newContext();
  const dev = await context.newPage();
  await signInAs(dev, 'dev@portico.test');
  await expect(dev.getByTestId('collection-card').filter({ hasText: 'Payments API' })).toBeVisible();
  await expectAccessible(dev);
  await dev.screenshot({ path: 'test-results/screens/my-apis.png', fullPage: true });

  await openHydrated(dev, '/discover');
  await dev.getByRole('searchbox', { name: 'Search APIs' }).fill('stock level');
  await expect(dev).toHaveURL(/\/discover\?q=stock%20level/);
  const card = dev.getByTestId('collection-card');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('Inventory API');
  await dev.screenshot({ path: 'test-results/screens/discover.png', fullPage: true });
  await card.getByRole('link', { name: 'Inventory API', exact: true }).click();
  await expect(dev.getByRole('heading', { level: 1 })).toHaveText('Inventory API');
  await dev.getByRole('searchbox', { name: 'Filter operations' }).fill('nothing like this');
  await expect(dev.getByRole('link', { name: /Check the stock level/ })).toBeHidden();
  await dev.getByRole('searchbox', { name: 'Filter operations' }).fill('stock');
  await dev.getByRole('link', { name: /Check the stock level/ }).click();
  await expect(dev).toHaveURL(/\/apis\/inventory-api\/operations\/getStock$/);
  await expect(dev.getByRole('heading', { level: 1 })).toHaveText('Check the stock level of an item');

  // A deep link works on its own, rendered by the server.
  await openHydrated(dev, '/apis/inventory-api/operations/getStock');
  await expect(dev.getByText('curl -X GET')).toBeVisible();
  await dev.screenshot({ path: 'test-results/screens/operation.png', fullPage: true });

  await dev.goto('/apis/inventory-api');
  const download = dev.waitForEvent('download');
  await dev.getByRole('link', { name: 'Download OpenAPI (JSON)' }).click();
  const file = await (await download).path();
  const spec = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(spec.info.title).toBe('Inventory API');
  await context.close();
});

test('a collection page stays usable at phone width', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/apis/payments-api');
  await expect(page.getByRole('navigation', { name: 'Operations' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/collection-phone.png', fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});
