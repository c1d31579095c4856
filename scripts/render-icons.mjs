/**
 * Renders the PNG icons the web app manifest and iOS ask for from the SVGs in public/, in
 * the Chromium the browser tests use: `node scripts/render-icons.mjs`. Run it after
 * changing public/favicon.svg or public/icons/maskable.svg, and commit the PNGs.
 */
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { CHROMIUM_FLAGS } from './chromium.mjs'

const ICONS = [
  // [source SVG, output PNG, size]: "any" icons keep the rounded tile; maskable fills the square.
  ['public/favicon.svg', 'public/icons/icon-192.png', 192],
  ['public/favicon.svg', 'public/icons/icon-512.png', 512],
  ['public/icons/maskable.svg', 'public/icons/maskable-512.png', 512],
  // iOS draws its own rounded corners over a full square.
  ['public/icons/maskable.svg', 'public/apple-touch-icon.png', 180],
]

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--headless', ...CHROMIUM_FLAGS],
})
try {
  for (const [source, output, size] of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    const svg = readFileSync(source, 'utf8')
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    )
    await page.screenshot({ path: output, omitBackground: true })
    await page.close()
    console.log(`${output} ${size}×${size}`)
  }
} finally {
  await browser.close()
}
