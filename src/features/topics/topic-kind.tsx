import {
  BuildingIcon,
  CalendarIcon,
  GlobeIcon,
  PersonIcon,
  PlaceIcon,
  TagIcon,
} from '../../components/ui/icons'
import type { Topic } from '../feed/parse-feed'

const labels: Record<Topic['kind'], string> = {
  person: 'Person',
  place: 'Place',
  country: 'Country',
  organisation: 'Organisation',
  event: 'Event',
  other: 'Topic',
}

const icons = {
  person: PersonIcon,
  place: PlaceIcon,
  country: GlobeIcon,
  organisation: BuildingIcon,
  event: CalendarIcon,
  other: TagIcon,
} satisfies Record<Topic['kind'], unknown>

export function kindLabel(kind: Topic['kind']): string {
  return labels[kind]
}

export function KindIcon({ kind, className }: { kind: Topic['kind']; className?: string }) {
  const Glyph = icons[kind]
  return <Glyph className={className} />
}
