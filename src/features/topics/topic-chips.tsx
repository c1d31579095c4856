import { useLocation, useNavigate } from 'react-router'
import type { Topic } from '../feed/parse-feed'
import { KindIcon } from './topic-kind'
import { chipId, TOPIC_PARAM } from './topic-links'
import { loadOnce } from '../../lib/route-preload'

/** The card's code (one chunk with the route's lazy EntityDialog), warmed on intent. */
const loadCard = loadOnce(() => import('./entity-dialog'))
const warmCard = () => void loadCard()

/**
 * One chip per topic; it puts ?topic=<id> in the URL (a new history entry, so Back closes the
 * card; an embed's frame, `replace`, adds none to the host page's history).
 */
export function TopicChips({ topics, replace = false }: { topics: Topic[]; replace?: boolean }) {
  const navigate = useNavigate()
  const location = useLocation()
  if (topics.length === 0) return null

  function open(topic: Topic) {
    const search = new URLSearchParams(location.search)
    search.set(TOPIC_PARAM, topic.id)
    navigate(
      { search: `?${search}`, hash: location.hash },
      replace ? { replace: true } : { state: { cardPushed: true } },
    )
  }

  return (
    <section aria-labelledby="topics-heading" className="mt-10" data-print="hide">
      <h2
        id="topics-heading"
        className="mb-3 font-sans text-sm font-semibold tracking-wider text-muted uppercase"
      >
        More on these topics
      </h2>
      <ul className="flex flex-wrap gap-2">
        {topics.map((topic) => (
          <li key={topic.id}>
            <button
              type="button"
              id={chipId(topic.id)}
              onClick={() => open(topic)}
              onPointerEnter={warmCard}
              onTouchStart={warmCard}
              onFocus={warmCard}
              aria-haspopup="dialog"
              className="inline-flex min-h-11 items-center gap-2 rounded-full border border-line bg-raised py-2 pr-4 pl-3 font-sans text-[0.95rem] font-medium text-ink shadow-xs transition-colors hover:border-accent hover:text-accent"
            >
              <KindIcon kind={topic.kind} className="size-4 text-muted" />
              {topic.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
