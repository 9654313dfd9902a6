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
});
