import { test, expect, expectAccessible, openHydrated } from './fixtures';

test('the home page is server-rendered before any script runs', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page).toHaveTitle('Welcome · Portico');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My APIs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeAttached();
  await context.close();
});

for (const path of ['/sign-in', '/apis', '/discover', '/admin']) {
  test(`${path} is accessible and has one h1`, async ({ page }) => {
    await openHydrated(page, path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  });
}

test('the page hydrates and the status check round-trips to the server', async ({ page }) => {
  await openHydrated(page, '/');
  const button = page.getByRole('button', { name: 'Check status' });
  await button.click();
  const result = page.getByRole('status');
  await expect(result.getByTestId('status-ok')).toHaveText('All systems working.');
  await expect(result.getByTestId('status-database')).toHaveText('SQLite');
  // The demo seed has two people in one organization (other specs may add more).
  await expect(result.locator('dd').nth(3)).toHaveText(/^[1-9]\d*$/);
  expect(Number(await result.locator('dd').nth(4).textContent())).toBeGreaterThanOrEqual(2);
  await expectAccessible(page);
});

test('navigation stays in the page after hydration', async ({ page }) => {
  await openHydrated(page, '/');
  await page.evaluate(() => ((window as any).portico_marker = 'still here'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discover' }).click();
  await expect(page).toHaveURL(/\/discover$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Discover');
  await expect(page).toHaveTitle('Discover · Portico');
  expect(await page.evaluate(() => (window as any).portico_marker)).toBe('still here');
  await expect(page.getByRole('link', { name: 'Discover' })).toHaveAttribute('aria-current', 'page');
});

test('at phone width the menu folds away and opens on demand', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await openHydrated(page, '/');
  const nav = page.getByRole('navigation', { name: 'Main' });
  const toggle = page.getByRole('button', { name: 'Menu' });
  await expect(nav).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(nav).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByRole('button', { name: 'Close menu' })).toHaveAttribute('aria-expanded', 'true');
  // Escape closes it from inside and gives the focus back to its button.
  await nav.getByRole('link', { name: 'My APIs' }).focus();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'My APIs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My APIs');
  await expect(nav).toBeHidden();
  // Nothing scrolls sideways at phone width.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'test-results/screens/my-apis-360.png', fullPage: true });
});

test('the keyboard reaches the main content through the skip link', async ({ page }) => {
  await openHydrated(page, '/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('unknown addresses get a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/nowhere');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Go to the home page' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the home page looks finished at 1440 px in ${scheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    await openHydrated(page, '/');
    await page.getByRole('button', { name: 'Check status' }).click();
    await expect(page.getByTestId('status-ok')).toBeVisible();
    await page.screenshot({ path: `test-results/screens/home-1440-${scheme}.png`, fullPage: true });
  });
}
