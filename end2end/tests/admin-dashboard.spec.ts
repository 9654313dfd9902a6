import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { signInLink } from './mail';

/** The number on the dashboard's tile named `label`. */
async function tile(page: import('@playwright/test').Page, label: string): Promise<number> {
  const text = await page.getByTestId('stat').filter({ hasText: label }).locator('.stat__value').textContent();
  return Number(text);
}

test('the dashboard counts a member invited into a new organization once they sign in', async ({ page, browser }) => {
  const invitee = `dashboard-${Date.now()}@client.test`;
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Admin');
  const chart = page.getByTestId('calls-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toHaveText(/calls|No gateway calls/);
  const users = await tile(page, 'Users');
  const organizations = await tile(page, 'Organizations');
  await page.screenshot({ path: 'test-results/screens/admin-dashboard.png', fullPage: true });

  // A new organization, and someone invited into it who signs in.
  await openHydrated(page, '/admin/organizations');
  await page.getByLabel('Organization name').fill('Dashboard Partners');
  await page.getByRole('button', { name: 'Add organization' }).click();
  await expect(page.getByTestId('organization').filter({ hasText: 'Dashboard Partners' })).toBeVisible();
  await openHydrated(page, '/admin/people');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill(invitee);
  await form.getByLabel('Organization').selectOption({ label: 'Dashboard Partners' });
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText('Invitation sent.')).toBeVisible();
  const link = new URL(await signInLink(invitee));
  const context = await browser.newContext();
  const guest = await context.newPage();
  await guest.goto(link.pathname + link.search);
  await guest.getByRole('button', { name: 'Continue' }).click();
  await expect(guest).toHaveURL(/\/apis$/);
  await context.close();

  await openHydrated(page, '/admin');
  expect(await tile(page, 'Users')).toBe(users + 1);
  expect(await tile(page, 'Organizations')).toBe(organizations + 1);
  await expectAccessible(page);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.screenshot({ path: 'test-results/screens/admin-dashboard-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Archived, the organization leaves the list (and the count).
  await openHydrated(page, '/admin/organizations');
  const partners = page.getByTestId('organization').filter({ hasText: 'Dashboard Partners' });
  await partners.getByRole('button', { name: 'Archive Dashboard Partners' }).click();
  await partners.getByRole('button', { name: 'Archive for good' }).click();
  await expect(page.getByTestId('organization').filter({ hasText: 'Dashboard Partners' })).toHaveCount(0);
  await openHydrated(page, '/admin');
  expect(await tile(page, 'Organizations')).toBe(organizations);
});

test('an admin brands the portal; an unreadable accent is refused with the reason', async ({ page }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/branding');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Branding');
  await page.getByLabel('Portal name').fill('Acme Developer Hub');
  await page.getByLabel('Accent color').fill('#ffcc00');
  await page.getByLabel('Footer links').fill('Status | https://status.acme.test');
  await page.getByLabel('Home-page message').fill('Welcome to Acme.\n\nAsk #api-help for anything.');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText(/White text on #ffcc00 has a contrast of [\d.]+:1/)).toBeVisible();
  await expect(page.getByLabel('Accent color')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel('Accent color').fill('#1a5e20');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Saved. Every page and email uses it now.')).toBeVisible();
  // The frame follows at once, without a reload.
  await expect(page.locator('.brand')).toContainText('Acme Developer Hub');
  await expect(page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Status' })).toBeVisible();
  await openHydrated(page, '/');
  await expect(page.getByTestId('home-message')).toContainText('Ask #api-help for anything.');
  const accent = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim());
  expect(accent).toBe('#1a5e20');
  await page.screenshot({ path: 'test-results/screens/branded-home.png', fullPage: true });

  // Back to Portico's own look for the other tests.
  await openHydrated(page, '/admin/branding');
  await page.getByLabel('Portal name').fill('Portico');
  await page.getByLabel('Accent color').fill('');
  await page.getByLabel('Footer links').fill('');
  await page.getByLabel('Home-page message').fill('');
  await page.getByRole('button', { name: 'Save branding' }).click();
  await expect(page.getByText('Saved. Every page and email uses it now.')).toBeVisible();
});
