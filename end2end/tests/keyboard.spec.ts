import { test, expect, openHydrated, signInAs } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user would. */
async function tabTo(page: Page, target: Locator, limit = 40) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`the keyboard never reached ${target}`);
}

test('a developer reaches an operation of an API with the keyboard alone', async ({ page }) => {
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/apis');
  await tabTo(page, page.getByRole('link', { name: 'Payments API' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments API');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await tabTo(page, page.getByRole('searchbox', { name: 'Filter operations' }));
  await page.keyboard.type('refund');
  await tabTo(page, page.getByRole('link', { name: /Refund a payment/ }), 5);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Refund a payment');
});

const pages = ['/apis', '/discover', '/apis/payments-api', '/apis/payments-api/operations/createPayment', '/admin/people', '/admin/collections', '/admin/collections/payments-api', '/admin/requests?status=all', '/admin/audit', '/requests', '/apis/shipping-api/request-access', '/profile'];

// 200% zoom of a 1280 px window leaves 640 CSS pixels; 360 px is a common phone.
for (const width of [640, 360]) {
  test(`pages reflow at ${width} CSS pixels without scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width, height: 720 });
    await signInAs(page, 'admin@portico.test');
    for (const path of pages) {
      await openHydrated(page, path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}
