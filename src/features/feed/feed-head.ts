/*
 * The opening of a long feed document as a document of its own: its members up to `items`
 * and its first few items. JSON.parse of a 20 MB page takes a cheap phone a good part of a
 * second; this reads only as far as those items, shown while the whole is parsed.
 */

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const ITEMS = [0x69, 0x74, 0x65, 0x6d, 0x73] // items

/** How far to look: past this, the page's opening is not what this is for. */
const SCAN_LIMIT = 4 * 1024 * 1024

const isItemsKey = (bytes: Uint8Array, start: number, end: number) =>
  end - start === ITEMS.length && ITEMS.every((byte, i) => bytes[start + i] === byte)

/**
 * `{ …members before "items", "items": [first `count` items] }` from a feed's UTF-8 bytes, or
 * undefined if `items` holds no more than `count` in the first megabytes. No byte of a
 * multi-byte UTF-8 character is ASCII, as JSON's structure is: the bytes are read as they are.
 */
export function feedHeadText(bytes: Uint8Array, count: number): string | undefined {
  const end = Math.min(bytes.length, SCAN_LIMIT)
  let depth = 0
  let expectingKey = false
  let lastKey: [number, number] | undefined
  let inItems = false
  let items = 0
  for (let i = 0; i < end; i++) {
    const byte = bytes[i]
    if (byte === QUOTE) {
      // A string: skip it whole; at the top level, as a key, note where it was.
      const start = i + 1
      for (i = start; i < end && bytes[i] !== QUOTE; i++) if (bytes[i] === BACKSLASH) i++
      if (depth === 1 && expectingKey) lastKey = [start, i]
      continue
    }
    switch (byte) {
      case OPEN_OBJECT:
      case OPEN_ARRAY:
        depth += 1
        if (depth === 1) {
          if (byte !== OPEN_OBJECT) return undefined
          expectingKey = true
        } else if (depth === 2 && byte === OPEN_ARRAY && lastKey && isItemsKey(bytes, ...lastKey)) {
          inItems = true
        }
        break
      case CLOSE_OBJECT:
      case CLOSE_ARRAY:
        depth -= 1
        // The end of `items`, or of the document: not more than `count` items.
        if (depth === 0 || (depth === 1 && inItems)) return undefined
        break
      case COLON:
        if (depth === 1) expectingKey = false
        break
      case COMMA:
        if (depth === 1) expectingKey = true
        else if (depth === 2 && inItems && ++items === count) {
          return `${new TextDecoder().decode(bytes.subarray(0, i))}]}`
        }
        break
    }
  }
  return undefined
}
