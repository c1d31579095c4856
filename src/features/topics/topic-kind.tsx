import {
  BuildingIcon,
  CalendarIcon,
  GlobeIcon,
  PersonIcon,
  PlaceIcon,
  TagIcon,
} from '../../components/ui/icons'
import type { Topic } from '../feed/parse-feed'

const kinds = {
  person: ['Person', PersonIcon],
  place: ['Place', PlaceIcon],
  country: ['Country', GlobeIcon],
  organisation: ['Organisation', BuildingIcon],
  event: ['Event', CalendarIcon],
  other: ['Topic', TagIcon],
} as const satisfies Record<Topic['kind'], unknown>

export function kindLabel(kind: Topic['kind']): string {
  return kinds[kind][0]
}

export function KindIcon({ kind, className }: { kind: Topic['kind']; className?: string }) {
  const Glyph = kinds[kind][1]
  return <Glyph className={className} />
}
