import { useInfiniteQuery } from '@tanstack/react-query'
import { lazy, Suspense } from 'react'
import { Outlet } from 'react-router'
import { ReaderLink } from '../components/ui/reader-link'
import { feedQueryOptions } from '../features/feed/feed-query'
import { FeedSiteLink } from '../features/feed/feed-site-link'
import { SettingsMenu } from '../features/reading/settings-menu'
import { KeyboardShortcuts } from '../features/reading/shortcuts'
import { useOnline } from '../lib/use-online'
import { ScrollRestoration } from '../lib/scroll-restoration'

// The header's search field: a module of its own, out of the first load's budget (a built
// page shows it at once). One element for every render: a boundary still hydrating that the
// layout rendered again would be rendered anew, losing what was typed in the built page.
const HeaderSearch = lazy(() => import('../features/search/header-search'))
const headerSearch = (
  <Suspense fallback={null}>
    <HeaderSearch />
  </Suspense>
)

// "Following": what the reader follows is in this browser, so it loads after the first paint.
const FollowingLink = lazy(() => import('../features/reading/following-link'))

/** Quiet chrome: a slim header with the feed's name and a way home. */
export function AppLayout() {
  // A feed that failed is retried by the screen's "Try again", not by the header mounting.
  const { data } = useInfiniteQuery({ ...feedQueryOptions(), retryOnMount: false })
  const title = data?.title ?? 'Briefing'
  const online = useOnline()
  return (
    <div className="flex min-h-dvh flex-col">
      <ScrollRestoration />
      <a
        href="#content"
        data-print="hide"
        className="sr-only z-50 rounded-md bg-raised px-4 py-2 font-semibold text-accent focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="border-b border-line" data-print="hide">
        <div className="mx-auto flex min-h-14 max-w-6xl items-center justify-between gap-3 px-4 sm:gap-4 sm:px-6">
          <ReaderLink
            to="/"
            className="flex min-h-11 min-w-0 items-center gap-2 font-serif text-lg leading-tight font-bold tracking-tight text-ink no-underline sm:text-xl"
          >
            {data?.icon || data?.favicon ? (
              <img
                src={data.favicon ?? data.icon}
                alt=""
                width={24}
                height={24}
                className="size-6 shrink-0 rounded"
                referrerPolicy="no-referrer"
              />
            ) : (
              <span
                aria-hidden="true"
                className="inline-block size-3 shrink-0 rounded-full bg-accent"
              />
            )}
            <span className="line-clamp-2 min-w-0 break-words">{title}</span>
          </ReaderLink>
          {headerSearch}
          <nav aria-label="Reader" className="flex shrink-0 items-center gap-1">
            <FeedSiteLink url={data?.homePageUrl} />
            <Suspense fallback={<span className="w-20 sm:w-24" />}>
              <FollowingLink stories={data?.stories} />
            </Suspense>
            <ReaderLink
              to="/saved"
              className="inline-flex min-h-11 items-center rounded-full px-3 text-sm font-semibold text-muted no-underline hover:bg-sunken hover:text-ink"
            >
              Saved
            </ReaderLink>
            <SettingsMenu />
          </nav>
        </div>
      </header>
      {!online && (
        <p
          role="status"
          className="bg-warn-soft px-4 py-2 text-center text-sm text-warn"
          data-print="hide"
        >
          You are offline. The stories already loaded stay readable; new ones arrive when you are
          back online.
        </p>
      )}
      {/* At least a screen tall (no footer above content loading); beside an entity card's panel. */}
      <main
        id="content"
        tabIndex={-1}
        className="min-h-dvh flex-1 px-4 pt-6 pb-16 focus:outline-none sm:px-6 sm:pt-10 lg:has-[dialog:modal]:pr-[28rem]"
        lang={data?.language}
      >
        <Outlet />
      </main>
      <KeyboardShortcuts />
      <footer
        data-print="hide"
        className="border-t border-line px-4 py-6 text-center text-sm text-muted sm:px-6"
      >
        {data?.homePageUrl ? (
          <a
            href={data.homePageUrl}
            className="underline"
            target="_blank"
            rel="noopener noreferrer"
          >
            {title}
          </a>
        ) : (
          title
        )}{' '}
        · read with Briefing
      </footer>
    </div>
  )
}
