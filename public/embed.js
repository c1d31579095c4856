/*!
 * Briefing embed sizer, protocol version 1. Add it once to a page that frames the reader:
 *   <iframe src="https://reader.example/embed/stories/ID" title="…"></iframe>
 *   <script src="https://reader.example/embed.js" async></script>
 * It sizes every iframe showing this reader's /embed/ pages to its content. It trusts a
 * message only when it comes from the very frame it sizes (event.source) and from the
 * reader's origin; a frame sandboxed without allow-same-origin has an opaque origin
 * ("null"), so for such a frame the source check alone decides.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  if (!script || !script.src) return
  var reader = new URL(script.src)
  var origin = reader.origin
  var base = reader.pathname.replace(/embed\.js$/, '')
  var VERSION = 1

  function isReaderFrame(frame) {
    try {
      var url = new URL(frame.src, document.baseURI)
      return url.origin === origin && url.pathname.indexOf(base + 'embed') === 0
    } catch (e) {
      return false
    }
  }

  function frames() {
    return Array.prototype.filter.call(document.getElementsByTagName('iframe'), isReaderFrame)
  }

  function opaque(frame) {
    var sandbox = frame.getAttribute('sandbox')
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox)
  }

  window.addEventListener('message', function (event) {
    var data = event.data
    if (!data || data.type !== 'briefing:height' || data.version !== VERSION) return
    var height = Number(data.height)
    if (!isFinite(height) || height < 0 || height > 100000) return
    var list = frames()
    for (var i = 0; i < list.length; i++) {
      var frame = list[i]
      if (frame.contentWindow !== event.source) continue
      if (event.origin !== origin && !(event.origin === 'null' && opaque(frame))) return
      frame.style.height = Math.ceil(height) + 'px'
      return
    }
  })

  function ask(frame) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage({ type: 'briefing:request-height', version: VERSION }, '*')
    }
  }

  function askAll() {
    frames().forEach(function (frame) {
      ask(frame)
      frame.addEventListener('load', function () {
        ask(frame)
      })
    })
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', askAll)
  else askAll()
})()
