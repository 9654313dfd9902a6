import { test, expect, expectAccessible, openHydrated } from './fixtures';
import { mailCount, signInLink } from './mail';

test('a developer signs in from the email and signs out', async ({ page }) => {
  const before = await mailCount('dev@portico.test');
  await openHydrated(page, '/sign-in');
  await page.getByLabel('Email address').fill('dev@portico.test');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByTestId('link-sent')).toContainText('Check your inbox');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/sign-in-sent.png', fullPage: true });

  const link = await signInLink('dev@portico.test', before + 1);
  // Opening the link shows a page; only the button signs in.
  await openHydrated(page, new URL(link).pathname + new URL(link).search);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Finish signing in');
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page).toHaveURL(/\/apis$/);
  const account = page.getByTestId('account');
  await expect(account).toContainText('Dev');
  await account.locator('summary').click();
  await expect(page.getByText('dev@portico.test')).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/account-menu.png' });
  await page.getByRole('button', { name: 'Sign out' }).click();

  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
  await expect(page.getByRole('status').first()).toHaveText('You are signed out.');
  await expect(page.getByTestId('account')).toHaveCount(0);

  // The used link is spent, and the page says so and offers a new one.
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has already been used');
  await expect(page.getByRole('link', { name: 'Send me a new link' })).toBeVisible();
});

test('a malformed address is explained next to the field', async ({ page }) => {
  await openHydrated(page, '/sign-in');
  const field = page.getByLabel('Email address');
  await field.fill('not-an-email');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.locator('#email-error')).toHaveText('An email address looks like name@example.com.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
});

test('the account menu opens with the keyboard and closes with Escape', async ({ page }) => {
  const before = await mailCount('admin@portico.test');
  await openHydrated(page, '/sign-in');
  await page.getByLabel('Email address').fill('admin@portico.test');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-sent')).toBeVisible();
  const link = await signInLink('admin@portico.test', before + 1);
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.getByRole('button', { name: 'Continue' }).press('Enter');
  await expect(page).toHaveURL(/\/apis$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  // Admins see the Admin link.
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' })).toBeVisible();

  const summary = page.getByTestId('account').locator('summary');
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeHidden();
  await expect(summary).toBeFocused();
});
