/** Shares the page: the system share sheet where there is one, else the link is copied. */
export async function share(title: string, setStatus: (status: string) => void): Promise<void> {
  const url = location.href
  if (navigator.share) {
    try {
      await navigator.share({ title, url })
      return
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return
    }
  }
  try {
    await navigator.clipboard.writeText(url)
    setStatus('Link copied')
  } catch {
    setStatus('Copy the address from the address bar')
  }
  window.setTimeout(() => setStatus(''), 4000)
}
