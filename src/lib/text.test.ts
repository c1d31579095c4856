import { describe, expect, it } from 'vitest'
import { firstWords, htmlToText, paragraphs, tidySummary } from './text'

describe('tidySummary', () => {
  it('ends a summary cut off mid-word with an ellipsis, not a broken word', () => {
    expect(tidySummary("spanning more than one-eighth of the Earth's in")).toBe(
      "spanning more than one-eighth of the Earth's…",
    )
  })
  it('leaves a finished sentence alone', () => {
    expect(tidySummary('Ukraine is a country in Eastern Europe.')).toBe(
      'Ukraine is a country in Eastern Europe.',
    )
  })
  it('has nothing to say about an empty summary', () => {
    expect(tidySummary('  ')).toBeUndefined()
  })
})

describe('paragraphs and firstWords', () => {
  it('splits on blank lines only', () => {
    expect(paragraphs('One\nstill one\n\n  Two  \n \nThree')).toEqual([
      'One\nstill one',
      'Two',
      'Three',
    ])
  })
  it('cuts long text at a word boundary', () => {
    expect(firstWords('alpha beta gamma delta', 12)).toBe('alpha beta…')
  })
})

describe('htmlToText', () => {
  it('keeps the words and drops tags, scripts and styles', () => {
    expect(
      htmlToText(
        '<p>Attachments &amp; Escapes</p><script>alert(1)</script><b>&#8220;x&#x201D;</b>',
      ),
    ).toBe('Attachments & Escapes “x”')
  })
  it('runs inline elements into their line and keeps blocks and line breaks apart', () => {
    expect(
      htmlToText(
        '<p>On <strong>Saturday</strong>, <a href="/x">sale</a>s.</p><p>Next</p><ul><li>One<br>two</li><li>Three</li></ul><img src="a.png">end',
      ),
    ).toBe('On Saturday, sales. Next One two Three end')
  })
})
