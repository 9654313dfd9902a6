import { test, expect, expectAccessible, openHydrated, signInAs } from './fixtures';
import { mailCount, signInLink, waitForMail } from './mail';

test.describe('a browser that prefers German', () => {
  test.use({ locale: 'de-DE' });

  test('gets pages in German from the server and after hydration', async ({ page }) => {
    await openHydrated(page, '/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Willkommen');
    await expect(page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Meine APIs' })).toBeVisible();
    await expect(page).toHaveTitle(/Willkommen/);
    // Rendered in the browser after hydration: still German, and no mismatch (the fixture fails
    // the test on any console error).
    await page.getByRole('button', { name: 'Status prüfen' }).click();
    await expect(page.getByTestId('status-ok')).toHaveText('Alle Systeme funktionieren.');
    await expect(page.getByLabel('Sprache')).toHaveValue('de');
    await page.setViewportSize({ width: 320, height: 800 });
    await page.getByRole('button', { name: 'Menü' }).click();
    await expect(page.getByRole('button', { name: 'Menü schließen' })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/home-de-phone.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

test('the language can be switched and is remembered', async ({ page }) => {
  await openHydrated(page, '/discover?q=pay');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('Language').selectOption('de');
  await page.getByRole('button', { name: 'Change language' }).click();
  await expect(page).toHaveURL(/\/discover\?q=pay$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expectAccessible(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('link', { name: 'Entdecken' })).toBeVisible();
  // Only a path on this portal is gone back to, and an unknown language changes nothing.
  const elsewhere = await page.request.post('/language', { form: { lang: 'de', next: '//evil.test/x' }, maxRedirects: 0 });
  expect(elsewhere.status()).toBe(303);
  expect(elsewhere.headers()['location']).toBe('/');
  const unknown = await page.request.post('/language', { form: { lang: 'xx', next: '/apis' }, maxRedirects: 0 });
  expect(unknown.headers()['location']).toBe('/apis');
  expect(unknown.headers()['set-cookie']).toBeUndefined();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByLabel('Sprache').selectOption('en');
  await page.getByRole('button', { name: 'Sprache wechseln' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
});

test('a person who chose German gets mail in German, and pages in German wherever they sign in', async ({ page, browser }) => {
  const person = `deutsch-${Date.now()}@client.test`;
  await signInAs(page, 'admin@portico.test');
  await openHydrated(page, '/admin/people');
  const form = page.getByRole('region', { name: 'Invite someone' });
  await form.getByLabel('Email address').fill(person);
  await form.getByRole('button', { name: 'Send invitation' }).click();
  await expect(form.getByText('Invitation sent.')).toBeVisible();

  // They accept in an English browser, then choose German.
  const first = await browser.newContext({ locale: 'en-US' });
  const tab = await first.newPage();
  const invitation = new URL(await signInLink(person));
  await tab.goto(invitation.pathname + invitation.search);
  await tab.getByRole('button', { name: 'Continue' }).click();
  await expect(tab).toHaveURL(/\/apis$/);
  await expect(tab.locator('html')).toHaveAttribute('lang', 'en');
  await tab.getByLabel('Language').selectOption('de');
  await tab.getByRole('button', { name: 'Change language' }).click();
  await expect(tab.locator('html')).toHaveAttribute('lang', 'de');
  await first.close();

  // A new English browser: the link arrives in German, and the portal follows them.
  const second = await browser.newContext({ locale: 'en-US' });
  const other = await second.newPage();
  const before = await mailCount(person);
  await other.goto('/sign-in');
  await expect(other.locator('body')).toHaveAttribute('data-hydrated', 'true');
  await expect(other.locator('html')).toHaveAttribute('lang', 'en');
  await other.getByLabel('Email address').fill(person);
  await other.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(other.getByTestId('link-sent')).toBeVisible();
  const mail = (await waitForMail(person, before + 1))[before];
  expect(mail.subject).toBe('Ihr Anmeldelink für Portico');
  expect(mail.text).toContain('Guten Tag,');
  expect(mail.html).toContain('<html lang="de">');
  const link = new URL(await signInLink(person, before + 1));
  await other.goto(link.pathname + link.search);
  await other.getByRole('button', { name: 'Continue' }).click();
  await expect(other).toHaveURL(/\/apis$/);
  await expect(other.locator('html')).toHaveAttribute('lang', 'de');
  await second.close();
});

test('an admin works through every page in German, each accessible and hydrated', async ({ page }) => {
  test.setTimeout(180_000);
  await signInAs(page, 'admin@portico.test');
  try {
    await page.getByLabel('Language').selectOption('de');
    await page.getByRole('button', { name: 'Change language' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    const pages = [
      '/apis', '/discover', '/apis/payments-api', '/apis/payments-api/operations/createPayment', '/keys',
      '/requests', '/team', '/profile', '/admin', '/admin/people', '/admin/organizations',
      '/admin/collections', '/admin/collections/payments-api', '/admin/requests', '/admin/audit',
      '/admin/branding', '/admin/terms', '/admin/api-tokens', '/admin/identity-providers',
      '/admin/configuration', '/no-such-page',
    ];
    for (const path of pages) {
      await openHydrated(page, path);
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      const name = path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home';
      await page.screenshot({ path: `test-results/screens/de-${name}.png`, fullPage: true });
    }
  } finally {
    // Back to English for the other tests, whatever happened above.
    await page.request.post('/language', { form: { lang: 'en', next: '/' } });
  }
});
