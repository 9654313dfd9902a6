import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { waitForMail } from './mail';

test('an admin suspends and reactivates a developer; the profile lists sessions', async ({ page }) => {
  await signInAs(page, 'admin@portico.test');

  await openHydrated(page, '/profile');
  await expect(page.getByRole('heading', { name: 'Signed-in browsers' })).toBeVisible();
  await expect(page.getByText('This browser')).toBeVisible();

  await openHydrated(page, '/admin');
  await page.getByRole('link', { name: /People/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('People');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);

  const row = page.getByTestId('person-row').filter({ hasText: 'dev@portico.test' });
  await row.getByRole('button', { name: 'Suspend Dev' }).click();
  await expect(row.getByText('Suspended')).toBeVisible();
  await row.getByRole('button', { name: 'Reactivate Dev' }).click();
  await expect(row.getByText('Active')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/admin-people.png', fullPage: true });

  // Finding people: the filters live in the address.
  await page.getByLabel('Name or email').fill('dev@portico');
  await page.getByLabel('Status').selectOption({ label: 'Active' });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/q=dev%40portico&.*status=active/);
  await expect(page.getByTestId('person-row')).toHaveCount(1);
  await expect(page.getByTestId('people-count')).toContainText(/^1 of \d+ people$/);
  await expectAccessible(page);
  const dev = page.getByTestId('person-row').filter({ hasText: 'dev@portico.test' });
  await dev.getByRole('button', { name: 'Make admin: Dev' }).click();
  await expect(dev).toContainText('Portal admin');
  await dev.getByRole('button', { name: 'Remove admin: Dev' }).click();
  await expect(dev).toContainText('Developer');
  // Their page: organizations, browsers, keys, requests and recent events.
  await dev.getByRole('link', { name: 'Dev' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dev');
  await expect(page.getByRole('heading', { name: 'Recent events' })).toBeVisible();
  await expect(page.getByTestId('person-event').filter({ hasText: 'user.admin_removed' })).toBeVisible();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);
  // Their role in an organization changes here too.
  const membership = page.getByTestId('person-membership').filter({ hasText: 'Demo Company' });
  await membership.getByLabel('Role in Demo Company').selectOption({ label: 'Organization admin' });
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/rpc/team-set-role') && r.status() === 200),
    membership.getByRole('button', { name: 'Change role' }).click(),
  ]);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('person-membership').filter({ hasText: 'Demo Company' }).getByLabel('Role in Demo Company')).toHaveValue('admin');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-person.png', fullPage: true });
  await page.getByTestId('person-membership').filter({ hasText: 'Demo Company' }).getByLabel('Role in Demo Company').selectOption({ label: 'Developer' });
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/rpc/team-set-role') && r.status() === 200),
    page.getByTestId('person-membership').filter({ hasText: 'Demo Company' }).getByRole('button', { name: 'Change role' }).click(),
  ]);
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('person-membership').filter({ hasText: 'Demo Company' }).getByLabel('Role in Demo Company')).toHaveValue('member');
  await openHydrated(page, '/admin/people?q=dev%40portico');
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page.getByTestId('person-row').filter({ hasText: 'admin@portico.test' })).toBeVisible();

  // Suspending oneself is refused with a reason.
  const me = page.getByTestId('person-row').filter({ hasText: 'admin@portico.test' });
  await me.getByRole('button', { name: 'Suspend Admin' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'You cannot suspend yourself.' })).toBeVisible();
  expect(await waitForMail('admin@portico.test')).not.toHaveLength(0);
});
