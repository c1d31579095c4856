import { useWindowVirtualizer, type VirtualItem } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { useLocation, useNavigationType } from 'react-router'
import { savedScrollY } from '../../lib/scroll-restoration'
import { listClass, StoryCard, type StoryListProps } from './story-list'

// Rows measured, by history entry: Back puts every row where it was, and the scroll on its story.
const measured = new Map<string, VirtualItem[]>()
const MEASURED_ENTRIES = 20

/**
 * A long list that renders only the rows near the viewport, in the page's own scroll. Rows
 * keep their real height, measured as they render, and say where they are (aria-posinset).
 */
export default function VirtualStoryList({ stories, ...row }: StoryListProps) {
  const list = useRef<HTMLOListElement>(null)
  const { key } = useLocation()
  const navigation = useNavigationType()
  const [scrollMargin, setScrollMargin] = useState(0)

  // The list's distance from the page's top, which content above it can change.
  useLayoutEffect(() => {
    const measure = () => {
      const top = (list.current?.getBoundingClientRect().top ?? 0) + window.scrollY
      setScrollMargin((prev) => (Math.abs(top - prev) > 0.5 ? top : prev))
    }
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(document.body)
    return () => observer.disconnect()
  }, [])

  const virtualizer = useWindowVirtualizer({
    count: stories.length,
    estimateSize: () => (row.compact ? 88 : 150),
    overscan: 6,
    scrollMargin,
    getItemKey: (index) => stories[index]?.id ?? index,
    initialMeasurementsCache: measured.get(key),
    // Back returns to the saved place (the page may still show the story's scroll then).
    initialOffset: () => (navigation === 'POP' ? savedScrollY(key) : undefined) ?? window.scrollY,
    useFlushSync: false,
  })

  useLayoutEffect(
    () => () => {
      measured.delete(key)
      measured.set(key, virtualizer.measurementsCache)
      if (measured.size > MEASURED_ENTRIES) measured.delete(measured.keys().next().value ?? '')
    },
    [key, virtualizer],
  )

  return (
    <ol
      ref={list}
      className={`relative ${listClass}`}
      style={{ height: virtualizer.getTotalSize() }}
    >
      {virtualizer.getVirtualItems().map((item) => {
        const story = stories[item.index]!
        return (
          <li
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            data-read={row.readIds?.has(story.id) ? '' : undefined}
            aria-setsize={stories.length}
            aria-posinset={item.index + 1}
            className="group/item absolute top-0 left-0 w-full"
            style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
          >
            <StoryCard story={story} {...row} />
          </li>
        )
      })}
    </ol>
  )
}
