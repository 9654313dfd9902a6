import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mailCount, signInLink } from './mail';

// Every test fails on a browser console error (hydration mismatches and panics show up there).
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        // Chromium logs every 4xx answer too: a 404 page, or a server function refusing bad input.
        // Tests check those answers themselves; anything else logged as an error fails the test.
        const expectedRefusal = /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text());
        if (message.type() === 'error' && !expectedRefusal) errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now, in the light and the dark
 * colour scheme, and fails with the violations listed.
 */
export async function expectAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
    const violations = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(violations, `accessibility violations in ${colorScheme} mode on ${page.url()}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

/** Opens `path`, waits until the WASM has hydrated the page, and checks its accessibility. */
export async function openHydrated(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);
}

/** Signs in through the sign-in page and the emailed link, as a person would. */
export async function signInAs(page: Page, email: string) {
  const before = await mailCount(email);
  await openHydrated(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByTestId('link-sent')).toBeVisible();
  const link = new URL(await signInLink(email, before + 1));
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/apis$/);
}
