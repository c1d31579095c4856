import { ReaderLink } from '../../components/ui/reader-link'
import { StoryDate } from '../../lib/dates'
import { markedWords, type StoryHit, type TopicHit } from './search-types'

/** Where a result opens: the story, at its matching section, its matched words highlighted. */
function openAt(hit: StoryHit): string {
  const words = markedWords(hit.snippet)
  if (words.length === 0) return hit.to
  const [path, hash] = hit.to.split('#', 2)
  const query = new URLSearchParams({ highlight: words.join(' ') })
  return `${path}?${query}${hash ? `#${hash}` : ''}`
}

export function StoryResults({ hits }: { hits: StoryHit[] }) {
  return (
    <ol className="divide-y divide-line border-y border-line">
      {hits.map((hit) => (
        <li key={hit.to}>
          <article className="group relative py-5">
            <h2
              dir="auto"
              className="font-serif text-xl leading-snug font-semibold tracking-tight text-balance break-words sm:text-[1.4rem]"
            >
              <ReaderLink
                to={openAt(hit)}
                data-shortcut="story"
                className="text-ink no-underline group-hover:text-accent after:absolute after:inset-0 after:content-['']"
              >
                {hit.title}
              </ReaderLink>
            </h2>
            {hit.snippet.length > 0 && (
              <p
                dir="auto"
                className="mt-1.5 font-serif text-[1.0625rem] leading-relaxed text-muted"
              >
                {hit.section && (
                  <span className="font-sans text-sm font-semibold text-ink">{hit.section}: </span>
                )}
                {hit.snippet.map((run, i) =>
                  run.mark ? <mark key={i}>{run.text}</mark> : run.text,
                )}
              </p>
            )}
            <p className="mt-2 flex flex-wrap items-center gap-x-2 font-sans text-sm text-muted">
              {hit.date && <StoryDate iso={hit.date} />}
              {hit.topics && (
                <>
                  {hit.date && <span aria-hidden="true">·</span>}
                  <span className="sr-only">Topics:</span>
                  <span>{hit.topics}</span>
                </>
              )}
            </p>
          </article>
        </li>
      ))}
    </ol>
  )
}

const KIND_NAMES: Record<string, string> = {
  person: 'person',
  place: 'place',
  country: 'country',
  organisation: 'organisation',
  organization: 'organisation',
}

export function TopicResults({ hits }: { hits: TopicHit[] }) {
  return (
    <section aria-labelledby="topic-results-heading" className="mb-6">
      <h2
        id="topic-results-heading"
        className="mb-2 font-sans text-sm font-semibold tracking-wider text-muted uppercase"
      >
        Topics
      </h2>
      <ul className="flex flex-wrap gap-2">
        {hits.map((topic) => (
          <li key={topic.to}>
            <ReaderLink
              to={topic.to}
              className="inline-flex min-h-11 items-center gap-1.5 rounded-full border border-line bg-raised px-4 font-sans text-sm text-ink no-underline hover:border-accent hover:text-accent"
            >
              <span className="font-semibold">{topic.name}</span>
              <span className="text-muted">
                {KIND_NAMES[topic.kind] ?? 'topic'} · {topic.count}{' '}
                {topic.count === 1 ? 'story' : 'stories'}
              </span>
            </ReaderLink>
          </li>
        ))}
      </ul>
    </section>
  )
}
