import { test, expect, expectAccessible, openHydrated } from './fixtures';

// The provider's development pages fetch fonts from the internet; answer them locally with
// nothing, so the tests stay offline and the console clean.
test.beforeEach(async ({ page }) => {
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.fulfill({ status: 200, body: '' }),
  );
});

/** Signs in at the test identity provider's own pages (any password works there). */
async function atProvider(page: import('@playwright/test').Page, login: string) {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  // First time for this person: the provider asks to share the profile with Portico.
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a person signs in through their identity provider and lands on Discover', async ({ page }) => {
  await openHydrated(page, '/sign-in');
  await page.screenshot({ path: 'test-results/screens/sign-in-sso.png', fullPage: true });
  await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3227\/interaction\//);
  await atProvider(page, 'alice');

  await expect(page).toHaveURL(/\/discover$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('account')).toContainText('Alice Example');
  await expectAccessible(page);

  // Her account was made just in time, in the demo organization: she sees its APIs.
  await page.getByRole('link', { name: 'My APIs' }).click();
  await expect(page.getByTestId('collection-card').filter({ hasText: 'Payments API' })).toBeVisible();
});

test('an unverified email is refused with a way to try again', async ({ page }) => {
  await openHydrated(page, '/sign-in');
  await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
  await atProvider(page, 'bob');
  await expect(page).toHaveURL(/\/sign-in\?sso_error=unverified_email&provider=corp$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  const notice = page.getByTestId('sso-error');
  await expect(notice).toContainText('did not confirm your email address');
  await expect(notice.getByRole('link', { name: 'Try again' })).toHaveAttribute('href', '/auth/oidc/corp/login');
  await expect(page.getByTestId('account')).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/sign-in-sso-error.png', fullPage: true });
});

test('an address of a domain that signs in through its provider is sent there from the email field', async ({ page }) => {
  await openHydrated(page, '/sign-in');
  await page.getByLabel('Email address').fill('erin@sso.test');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:3227\/interaction\//);
  await atProvider(page, 'erin');
  await expect(page).toHaveURL(/\/discover$/);
  await expect(page.getByTestId('account')).toContainText('Erin Invited');
});
