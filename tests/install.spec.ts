import { expect, test } from './support/fixtures'

/*
 * The web app manifest: a reader can add Briefing to a phone's home screen or install it
 * on a desktop, and it opens standalone with its own name, colours and icons. Chromium
 * itself parses the manifest here (DevTools protocol), so what it rejects, the test sees.
 */
test.use({ serviceWorkers: 'allow' })

// The manifest belongs to the top-level app and does not depend on the screen size: these
// run in desktop only (playwright.config.ts).

interface AppManifest {
  url: string
  errors: { message: string; critical: number }[]
  data?: string
  parsed?: unknown
}

test('Chromium reads the manifest without errors: name, standalone, start and icons that load', async ({
  page,
  request,
}) => {
  await page.goto('/')
  await expect(page.getByRole('main').getByRole('article').first()).toBeVisible({
    timeout: 15_000,
  })
  const cdp = await page.context().newCDPSession(page)
  const manifest = (await cdp.send('Page.getAppManifest')) as unknown as AppManifest
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/)
  expect(manifest.errors, 'what Chromium found wrong in the manifest').toEqual([])

  const data = JSON.parse(manifest.data ?? '{}') as {
    name?: string
    display?: string
    start_url?: string
    icons?: { src: string; sizes: string; type: string; purpose?: string }[]
  }
  expect(data.name).toBe('Briefing')
  expect(data.display).toBe('standalone')
  expect(new URL(data.start_url ?? '', manifest.url).pathname).toBe('/')
  const icons = data.icons ?? []
  expect(icons.map((icon) => icon.sizes)).toEqual(
    expect.arrayContaining(['any', '192x192', '512x512']),
  )
  expect(icons.some((icon) => icon.purpose === 'maskable')).toBe(true)
  for (const icon of icons) {
    const response = await request.get(new URL(icon.src, manifest.url).href)
    expect(response.status(), icon.src).toBe(200)
    expect(response.headers()['content-type'], icon.src).toContain(icon.type)
    const bytes = await response.body()
    if (icon.type === 'image/png') {
      // A PNG's IHDR holds its width and height: the file is the size the manifest says.
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)]
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes)
    }
  }

  // Chromium's own verdict, short of what no test browser can be (a profile of its own).
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[]
  }
  expect(
    installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito'),
  ).toEqual([])
})

test('the home-screen icon for iOS is a 180 px PNG, and the page names it', async ({ page }) => {
  await page.goto('/')
  const href = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href')
  expect(href).toBeTruthy()
  const response = await page.request.get(new URL(href ?? '', page.url()).href)
  expect(response.status()).toBe(200)
  const bytes = await response.body()
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([180, 180])
})
