import { chromium } from '@playwright/test';
const [url, out, width, cookie] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 800 } });
if (cookie) { const [name, value] = cookie.split('='); await context.addCookies([{ name, value, url }]); }
const page = await context.newPage();
await page.goto(url);
const wide = await page.evaluate(() => [...document.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0,8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)));
console.log(JSON.stringify(wide, null, 1));
await page.screenshot({ path: out, fullPage: true });
await browser.close();
