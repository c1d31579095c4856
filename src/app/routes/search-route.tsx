import { SearchScreen } from '../../features/search/search-screen'

/** `/search?q=…`: every story of the archive, searched (src/features/search/). */
export default function SearchRoute() {
  return <SearchScreen />
}
