import { launchBrowser, newPageContext } from './harness.ts';
const base = 'http://localhost:4391';
const [url, w] = process.argv.slice(2);
const width = Number(w);
const browser = await launchBrowser();
const ctx = await newPageContext(browser, { width, height: 900 });
const page = await ctx.newPage();
await page.goto(base + url);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < h; y += 1600, i++) {
  await page.screenshot({
    path: `/tmp/idx/seg-${width}-${i}.png`,
    fullPage: true,
    clip: { x: 0, y, width, height: Math.min(1600, h - y) },
  });
}
console.log(h);
await browser.close();
