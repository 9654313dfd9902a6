import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';

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

test('signing out offers to sign out at the identity provider too', async ({ page }) => {
  await openHydrated(page, '/sign-in');
  await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
  await atProvider(page, 'carol');
  await expect(page).toHaveURL(/\/discover$/);
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await page.getByTestId('account').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1&provider_logout=corp$/);
  const offer = page.getByTestId('provider-logout');
  await expect(offer).toContainText('You may still be signed in at Corp ID.');
  await expectAccessible(page);
  await offer.getByRole('link', { name: 'Sign out of Corp ID too' }).click();
  // The provider asks, signs out, and sends the browser back.
  await expect(page).toHaveURL(/127\.0\.0\.1:3227\/session\/end/);
  await page.getByRole('button', { name: /yes, sign me out/i }).click();
  await expect(page).toHaveURL(/\/sign-in\?signed_out=1$/);
  // Signed out there too: the next sign-in asks for a login again.
  await page.getByRole('link', { name: 'Sign in with Corp ID' }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('an admin adds an identity provider, tests it and turns it on', async ({ page, browser }) => {
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/identity-providers');
  await expect(page.getByTestId('provider-row').filter({ hasText: 'Corp ID' })).toContainText('Settings (read-only)');
  await page.getByRole('link', { name: 'Add a provider' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add an identity provider');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');

  await page.getByLabel('Name on the sign-in button').fill('Partner SSO');
  await page.getByLabel('Slug (in addresses)').fill('partner');
  await page.getByLabel('Issuer URL').fill('http://login.partner.test');
  await page.getByLabel('Client id').fill('portico');
  await page.getByLabel('Client secret').fill('portico-test-secret');
  await page.getByLabel('Email domains').fill('other.test');
  await page.getByLabel('Create accounts on first sign-in (just in time)').check();
  await page.getByLabel('Organization of new accounts').selectOption({ label: 'Demo Company' });
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page.getByText('The issuer must be an https address')).toBeVisible();
  await expect(page.getByLabel('Issuer URL')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-provider-error.png', fullPage: true });

  await page.getByLabel('Issuer URL').fill('http://127.0.0.1:3227');
  await page.getByRole('button', { name: 'Add provider' }).click();
  await expect(page).toHaveURL(/\/admin\/identity-providers\/partner$/);
  await expect(page.getByTestId('provider-state')).toHaveText('Off');
  await expect(page.getByTestId('redirect-uri')).toHaveText(/\/auth\/oidc\/partner\/callback$/);
  await page.getByRole('button', { name: 'Test connection' }).click();
  const report = page.getByTestId('connection-report');
  await expect(report).toContainText('The connection works.');
  await expect(report).toContainText('The provider accepts them.');
  await expectAccessible(page);
  await page.screenshot({ path: 'test-results/screens/admin-provider.png', fullPage: true });
  await page.getByRole('button', { name: 'Turn on' }).click();
  await expect(page.getByTestId('provider-state')).toHaveText('On');

  // Someone else signs in with it at once, and gets an account just in time.
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const visitor = await context.newPage();
  await visitor.route((url) => url.hostname !== '127.0.0.1', (route) => route.fulfill({ status: 200, body: '' }));
  await openHydrated(visitor, '/sign-in');
  await visitor.getByRole('link', { name: 'Sign in with Partner SSO' }).click();
  await atProvider(visitor, 'dave');
  await expect(visitor).toHaveURL(/\/discover$/);
  await expect(visitor.getByTestId('account')).toContainText('Dave Elsewhere');
  await context.close();

  await openHydrated(page, '/admin/identity-providers');
  const row = page.getByTestId('provider-row').filter({ hasText: 'Partner SSO' });
  await expect(row).toContainText('On');
  await expect(row.getByRole('cell').nth(4)).toHaveText('1');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screens/admin-providers-phone.png', fullPage: true });
});
