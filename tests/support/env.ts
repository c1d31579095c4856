/**
 * Where `node scripts/serve.mjs` serves the build during the browser tests: 4173, or
 * E2E_PORT when that port is taken (another checkout's test run, `npm run preview`).
 */
export const APP_PORT = Number(process.env.E2E_PORT ?? 4173)
export const APP_ORIGIN = `http://127.0.0.1:${APP_PORT}`
