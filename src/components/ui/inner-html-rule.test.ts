import { readFileSync } from 'node:fs'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/*
 * Feed HTML reaches the page in one place. The lint rule that keeps it so is tested
 * here, so that loosening it fails a test and not only a review; `npm run lint` applies it
 * to the whole source.
 */
const eslint = new ESLint({ cwd: process.cwd() })

const ways: [string, string][] = [
  [
    'dangerouslySetInnerHTML',
    'export const A = ({ h }: { h: string }) => <div dangerouslySetInnerHTML={{ __html: h }} />',
  ],
  ['innerHTML', 'export function f(el: Element, h: string) { el.innerHTML = h }'],
  ['innerHTML, computed', "export function f(el: Element, h: string) { el['innerHTML'] = h }"],
  ['outerHTML', 'export function f(el: Element, h: string) { el.outerHTML += h }'],
  [
    'innerHTML through Object.assign',
    'export function f(el: Element, h: string) { Object.assign(el, { innerHTML: h }) }',
  ],
  [
    'insertAdjacentHTML',
    "export function f(el: Element, h: string) { el.insertAdjacentHTML('beforeend', h) }",
  ],
  ['setHTMLUnsafe', 'export function f(el: Element, h: string) { el.setHTMLUnsafe(h) }'],
  [
    'createContextualFragment',
    'export function f(h: string) { return document.createRange().createContextualFragment(h) }',
  ],
  ['document.write', 'export function f(h: string) { document.write(h) }'],
  ['iframe srcdoc', 'export function f(el: HTMLIFrameElement, h: string) { el.srcdoc = h }'],
]

async function restrictedSyntax(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax')
}

describe('the inner-HTML lint rule', () => {
  it.each(ways)('refuses %s anywhere but the sanitised component', async (_, code) => {
    for (const where of ['src/features/story/story-body.tsx', 'src/lib/helper.tsx']) {
      const found = await restrictedSyntax(code, where)
      expect(found, `${where}: ${code}`).toHaveLength(1)
    }
  })

  it('lets the one sanitised component set inner HTML, only from the sanitiser', async () => {
    const file = 'src/components/ui/safe-html.tsx'
    const [result] = await eslint.lintFiles([file])
    expect(result?.errorCount).toBe(0)
    const source = readFileSync(file, 'utf8')
    expect(source).toMatch(/dangerouslySetInnerHTML=\{\{ __html: sanitiseHtml\(/)
  })
})
