/**
 * Draws the app's install icons (public/icons/*.png) from the same mark as the header logo, with
 * Debian's Chromium: `npx tsx deploy/make-icons.ts`. The PNGs are committed; run this again only
 * when the mark changes. Maskable icons keep the mark inside the 80 % safe zone on a full-bleed
 * background, since launchers crop them to any shape.
 */
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { THEME_COLORS } from './pwa.ts'

/** The logo (src/app/layout/logo.tsx), in light colors, scaled into a `size` square. */
function mark(size: number, inset: number): string {
  const scale = (size * (1 - 2 * inset)) / 18
  const offset = size * inset - 3 * scale
  return `<g transform="translate(${offset} ${offset}) scale(${scale})">
    <rect x="3" y="3" width="18" height="18" rx="5" fill="#1c1917"/>
    <path d="M7.5 8.5h9M7.5 12h9M7.5 15.5h5.5" stroke="${THEME_COLORS.light}" stroke-width="1.8" stroke-linecap="round" fill="none"/>
    <circle cx="17" cy="16" r="2" fill="#f97316"/>
  </g>`
}

const icons = [
  // Regular icons: the rounded mark alone on transparency, a little margin like other app icons.
  { file: 'icon-192.png', size: 192, inset: 0.04, background: false },
  { file: 'icon-512.png', size: 512, inset: 0.04, background: false },
  // Maskable: the mark within the central 80 % circle, the page color everywhere else.
  { file: 'maskable-512.png', size: 512, inset: 0.2, background: true },
]

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
})
try {
  mkdirSync('public/icons', { recursive: true })
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } })
    const fill = icon.background
      ? `<rect width="100%" height="100%" fill="${THEME_COLORS.light}"/>`
      : ''
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${icon.size}" height="${icon.size}">${fill}${mark(icon.size, icon.inset)}</svg>`
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg}</body></html>`,
    )
    await page.screenshot({ path: `public/icons/${icon.file}`, omitBackground: true })
    await page.close()
    console.log(`public/icons/${icon.file}`)
  }
} finally {
  await browser.close()
}
