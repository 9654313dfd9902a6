import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { signInLink } from './mail';

/** Follows the newest sign-in link mailed to `address` in a browser of its own. */
async function signInFromMail(browser: import('@playwright/test').Browser, address: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const link = new URL(await signInLink(address));
  await page.goto(link.pathname + link.search);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/apis$/);
  return { context, page };
}

test('an organization admin runs their own team without being a portal admin', async ({ page, browser }) => {
  const stamp = Date.now();
  const organization = `Team ${stamp}`;
  const lead = `lead-${stamp}@client.test`;
  const colleague = `colleague-${stamp}@client.test`;

  // A portal admin makes the organization and invites its admin.
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/organizations');
  await page.getByLabel('Organization name').fill(organization);
  await page.getByRole('button', { name: 'Add organization' }).click();
  await expect(page.getByTestId('organization').filter({ hasText: organization })).toBeVisible();
  await openHydrated(page, '/admin/people');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill(lead);
  await form.getByLabel('Organization').selectOption({ label: organization });
  await form.getByLabel('Role').selectOption('admin');
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText('Invitation sent.')).toBeVisible();

  // The lead has no admin area, but runs the team.
  const { context, page: leadPage } = await signInFromMail(browser, lead);
  await expect(leadPage.getByRole('link', { name: 'Admin', exact: true })).toHaveCount(0);
  await openHydrated(leadPage, '/team');
  const team = leadPage.getByTestId('team').filter({ hasText: organization });
  await expect(team).toContainText('You are an admin of this organization');
  await team.getByLabel('Email address').fill('not-an-address');
  await team.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(team.getByText('An email address looks like name@example.com.')).toBeVisible();
  await team.getByLabel('Email address').fill(colleague);
  await team.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(team.getByText('Invitation sent.')).toBeVisible();
  await expect(team.getByTestId('team-invitation').filter({ hasText: colleague })).toBeVisible();
  await expectAccessible(leadPage);

  // The colleague joins; the lead makes them an admin, then takes them out again.
  const joined = await signInFromMail(browser, colleague);
  await openHydrated(leadPage, '/team');
  const row = team.getByTestId('team-member').filter({ hasText: colleague });
  await expect(row).toContainText('Developer');
  await row.getByLabel(/^Role of /).selectOption('admin');
  await row.getByRole('button', { name: /^Save role of / }).click();
  await expect(row.getByRole('cell', { name: 'Organization admin', exact: true })).toBeVisible();
  await leadPage.screenshot({ path: 'test-results/screens/team.png', fullPage: true });
  await row.getByRole('button', { name: /^Remove / }).click();
  await row.getByRole('button', { name: 'Remove now' }).click();
  await expect(team.getByTestId('team-member').filter({ hasText: colleague })).toHaveCount(0);
  await expectAccessible(leadPage);

  // With no other organization, the colleague is signed out.
  await joined.page.goto('/profile');
  await expect(joined.page.getByText(/Please sign in/)).toBeVisible();
  await joined.context.close();

  // The lead may not step down as the organization's only admin.
  const self = team.getByTestId('team-member').filter({ hasText: lead });
  await self.getByLabel(/^Role of /).selectOption('member');
  await self.getByRole('button', { name: /^Save role of / }).click();
  await expect(leadPage.getByRole('alert').filter({ hasText: 'needs at least one organization admin' })).toBeVisible();
  await context.close();
});

test('the team page works at phone width', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  const page = await context.newPage();
  await signInAs(page, 'dev@portico.test');
  await openHydrated(page, '/team');
  const team = page.getByTestId('team').filter({ hasText: 'Demo Company' });
  await expect(team).toContainText('You are a member');
  await expect(team.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});
