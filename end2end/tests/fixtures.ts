import { test as base, expect, Page } from '@playwright/test';

// Every test fails on a browser console error (hydration mismatches and panics show up there).
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // A page's own error status (a 404 page, say) is logged too; tests check those statuses.
        const aboutThePage = message.location().url === page.url();
        if (message.type() === 'error' && !aboutThePage) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens `path` and waits until the WASM has hydrated the page. */
export async function openHydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}
