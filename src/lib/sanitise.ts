import DOMPurify from 'dompurify'
import { safeHttpUrl } from './urls'

// The one place feed HTML is made safe: reading elements only, links and images to http(s).
const words = (list: string) => list.split(' ')
const ALLOWED_TAGS = words(
  'a abbr b blockquote br caption cite code dd del dfn div dl dt em figcaption figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s small span strong sub sup table tbody td tfoot th thead time tr u ul',
)
const ALLOWED_ATTR = words('href src alt title width height datetime cite lang dir colspan rowspan')

let base: string | undefined

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  // An address only where it means one, and only an http(s) one.
  if (node.tagName !== 'A') node.removeAttribute('href')
  if (node.tagName !== 'IMG') node.removeAttribute('src')
  if (node.hasAttribute('cite')) {
    const cite = safeHttpUrl(node.getAttribute('cite'), base)
    if (cite) node.setAttribute('cite', cite)
    else node.removeAttribute('cite')
  }
  if (node.tagName === 'A') {
    const href = safeHttpUrl(node.getAttribute('href'), base)
    if (href) {
      node.setAttribute('href', href)
      node.setAttribute('target', '_blank')
      node.setAttribute('rel', 'noopener noreferrer')
    } else {
      node.removeAttribute('href')
    }
  }
  if (node.tagName === 'IMG') {
    const src = safeHttpUrl(node.getAttribute('src'), base)
    if (src) {
      node.setAttribute('src', src)
      node.setAttribute('loading', 'lazy')
      node.setAttribute('decoding', 'async')
      node.setAttribute('referrerpolicy', 'no-referrer')
    } else {
      node.remove()
    }
  }
})

export function sanitiseHtml(html: string, baseUrl?: string): string {
  base = baseUrl
  try {
    return DOMPurify.sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
    })
  } finally {
    base = undefined
  }
}
