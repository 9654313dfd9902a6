import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { signInLink, waitForMail } from './mail';
import type { Page } from '@playwright/test';

/** Publishes terms as the signed-in admin; empty markdown withdraws them. */
async function publishTerms(page: Page, markdown: string) {
  await openHydrated(page, '/admin/terms');
  await page.getByLabel('Terms (Markdown)').fill(markdown);
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Version \d+ is published/ })).toBeVisible();
}

test('an admin invites a developer, who signs in from the email and accepts the terms', async ({ page, browser }) => {
  const invitee = `invitee-${Date.now()}@client.test`;
  await signInAs(page, 'admin@portico.test');
  await publishTerms(page, '# Portal terms\n\nUse the APIs **fairly**.\n\n- Keep keys secret.\n- Respect rate limits.');
  await page.screenshot({ path: 'test-results/screens/admin-terms.png', fullPage: true });
  try {
    await openHydrated(page, '/admin/people');
    const form = page.getByRole('region', { name: 'Invite someone' });
    await form.getByLabel('Email address').fill('not-an-email');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(form.getByText('An email address looks like name@example.com.')).toBeVisible();
    await expect(form.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Email address').fill(invitee);
    await form.getByLabel('Organization').selectOption({ label: 'Demo Company' });
    await form.getByLabel('Role').selectOption({ label: 'Developer' });
    await form.getByRole('button', { name: 'Send invitation' }).click();
    await expect(form.getByText('Invitation sent.')).toBeVisible();
    await expect(form.getByLabel('Email address')).toHaveValue('');
    const pending = page.getByTestId('invitation').filter({ hasText: invitee });
    await expect(pending).toContainText('Demo Company · Developer');
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/screens/admin-invitations.png', fullPage: true });

    const mail = (await waitForMail(invitee))[0];
    expect(mail.subject).toContain('Demo Company');
    const link = new URL(await signInLink(invitee));

    const context = await browser.newContext();
    const guest = await context.newPage();
    await guest.goto(link.pathname + link.search);
    await guest.getByRole('button', { name: 'Continue' }).click();
    // Signed in, but the terms come first.
    await expect(guest).toHaveURL(/\/terms\?next=/);
    await expect(guest.locator('body')).toHaveAttribute('data-hydrated', 'true');
    await expect(guest.getByRole('heading', { name: 'Portal terms' })).toBeVisible();
    await expectAccessible(guest);
    await guest.screenshot({ path: 'test-results/screens/terms.png', fullPage: true });
    await guest.getByRole('button', { name: 'Accept and continue' }).click();
    await expect(guest).toHaveURL(/\/apis$/);
    await guest.goto('/profile');
    await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Profile');
    await context.close();

    await page.reload();
    await expect(page.getByTestId('invitation').filter({ hasText: invitee })).toHaveCount(0);
    await expect(page.getByTestId('person-row').filter({ hasText: invitee })).toBeVisible();
  } finally {
    // Later specs sign in without terms.
    await publishTerms(page, '');
  }
});

test('with self-registration on, a visitor asks to join and an admin approves', async ({ page, browser }) => {
  const visitor = `visitor-${Date.now()}@newco.test`;
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/people');
  const panel = page.getByRole('region', { name: 'Requests to join' });
  await panel.getByRole('button', { name: 'Turn self-registration on' }).click();
  await expect(panel.getByRole('button', { name: 'Turn self-registration off' })).toBeVisible();
  try {
    const context = await browser.newContext();
    const guest = await context.newPage();
    await openHydrated(guest, '/sign-in');
    await guest.getByRole('link', { name: 'Request an account' }).click();
    await expect(guest.getByRole('heading', { level: 1 })).toHaveText('Request an account');
    await guest.getByLabel('Work email address').fill(visitor);
    await guest.getByRole('button', { name: 'Send my request' }).click();
    await expect(guest.getByText('Enter your name.')).toBeVisible();
    await guest.getByLabel('Your name').fill('Vera Visitor');
    await guest.getByLabel('What would you like to build?').fill('A shipping integration.');
    await guest.getByRole('button', { name: 'Send my request' }).click();
    await expect(guest.getByTestId('request-received')).toBeVisible();
    await expectAccessible(guest);
    await guest.screenshot({ path: 'test-results/screens/register.png', fullPage: true });
    await context.close();

    const request = panel.getByTestId('registration').filter({ hasText: visitor });
    await expect(async () => {
      await page.reload();
      await expect(request).toBeVisible({ timeout: 1000 });
    }).toPass();
    await expect(request).toContainText('A shipping integration.');
    await request.getByLabel('Organization').selectOption({ label: 'Demo Company' });
    await page.screenshot({ path: 'test-results/screens/admin-registrations.png', fullPage: true });
    await request.getByRole('button', { name: `Approve ${visitor}` }).click();
    await expect(request).toHaveCount(0);
    await expect(page.getByTestId('person-row').filter({ hasText: visitor })).toContainText('Demo Company');
    const mail = (await waitForMail(visitor))[0];
    expect(mail.subject).toContain('account is ready');
  } finally {
    await openHydrated(page, '/admin/people');
    await panel.getByRole('button', { name: 'Turn self-registration off' }).click();
    await expect(panel.getByRole('button', { name: 'Turn self-registration on' })).toBeVisible();
  }
});
