import { describe, expect, it } from 'vitest'
import { formatFixedDate, formatStoryDate } from './dates'

describe('formatFixedDate', () => {
  it('writes every month as Intl writes an en-GB medium date in UTC', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
    for (let month = 0; month < 12; month++) {
      for (const iso of [
        new Date(Date.UTC(2024, month, 1, 0, 0)).toISOString(),
        new Date(Date.UTC(2025, month, 28, 23, 59)).toISOString(),
      ]) {
        expect(formatFixedDate(iso)).toBe(intl.format(Date.parse(iso)))
      }
    }
  })

  it('takes the UTC day of a time given with an offset', () => {
    expect(formatFixedDate('2024-11-04T23:30:00-05:00')).toBe('5 Nov 2024')
    expect(formatFixedDate('2024-11-05T00:30:00+02:00')).toBe('4 Nov 2024')
  })
})

describe('in the reader’s time zone', () => {
  // The day of a time in this machine's zone, as Intl (which the app no longer loads) says.
  const local = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-GB', options).format(Date.parse(iso))

  it('formatStoryDate is the date after a week, as en-GB writes it', () => {
    const now = Date.parse('2024-11-05T12:00:00Z')
    for (const iso of ['2024-10-01T12:00:00Z', '2024-09-03T23:30:00Z', '2023-01-01T00:30:00Z']) {
      expect(formatStoryDate(iso, now)).toBe(local(iso, { dateStyle: 'medium' }))
    }
  })
})

describe('formatStoryDate within a week', () => {
  const now = Date.parse('2024-11-05T12:00:00Z')
  const at = (ms: number) => new Date(now + ms).toISOString()
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })

  it('says it as English does, past and future', () => {
    const cases: [number, number, Intl.RelativeTimeFormatUnit][] = [
      [-60_000, -1, 'minute'],
      [-45 * 60_000, -45, 'minute'],
      [-3_600_000, -1, 'hour'],
      [-3 * 3_600_000, -3, 'hour'],
      [2 * 3_600_000, 2, 'hour'],
      [-86_400_000, -1, 'day'],
      [-3 * 86_400_000, -3, 'day'],
      [5 * 86_400_000, 5, 'day'],
    ]
    for (const [offset, amount, unit] of cases) {
      expect(formatStoryDate(at(offset), now)).toBe(rtf.format(amount, unit))
    }
  })

  it('is "in 1 day" a day ahead (a date set ahead by its publisher)', () => {
    expect(formatStoryDate(at(86_400_000), now)).toBe('in 1 day')
  })

  it('is "just now" within half a minute either side', () => {
    expect(formatStoryDate(at(-20_000), now)).toBe('just now')
    expect(formatStoryDate(at(29_000), now)).toBe('just now')
  })
})
