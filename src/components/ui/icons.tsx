import type { ComponentProps } from 'react'

type IconProps = ComponentProps<'svg'>

/** A 24-unit stroked icon, drawn by one path (circles as two arcs), hidden from assistive tech. */
const icon = (d: string) =>
  function Icon(props: IconProps) {
    return (
      <svg
        viewBox="0 0 24 24"
        width="20"
        height="20"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        <path d={d} />
      </svg>
    )
  }

export const ChevronIcon = icon('m6 9 6 6 6-6')
export const CloseIcon = icon('M18 6 6 18M6 6l12 12')
export const ExternalIcon = icon(
  'M14 4h6v6M10 14 20 4M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5',
)
export const PersonIcon = icon('M8 8a4 4 0 0 0 8 0 4 4 0 0 0-8 0M4 21a8 8 0 0 1 16 0')
export const PlaceIcon = icon(
  'M12 21s-7-6.2-7-12a7 7 0 0 1 14 0c0 5.8-7 12-7 12ZM9.5 9a2.5 2.5 0 0 0 5 0 2.5 2.5 0 0 0-5 0',
)
export const GlobeIcon = icon(
  'M3 12a9 9 0 0 0 18 0 9 9 0 0 0-18 0M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18',
)
export const BuildingIcon = icon('M4 21V8l8-5 8 5v13M9 21v-6h6v6M3 21h18')
export const CalendarIcon = icon(
  'M5 5h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2ZM3 10h18M8 3v4M16 3v4',
)
export const TagIcon = icon(
  'M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9-9-9ZM6 7.5a1.5 1.5 0 0 0 3 0 1.5 1.5 0 0 0-3 0',
)
export const ArrowLeftIcon = icon('M19 12H5M11 18l-6-6 6-6')
export const SettingsIcon = icon(
  'M4 7h10M18 7h2M4 17h4M12 17h8M14 7a2 2 0 0 0 4 0 2 2 0 0 0-4 0M8 17a2 2 0 0 0 4 0 2 2 0 0 0-4 0',
)
export const BookmarkIcon = icon('M6 3h12v18l-6-4-6 4Z')
export const ShareIcon = icon('M12 3v12M7 8l5-5 5 5M5 13v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6')
export const CodeIcon = icon('m8 8-4 4 4 4M16 8l4 4-4 4')
export const SearchIcon = icon('M4 11a7 7 0 0 0 14 0 7 7 0 0 0-14 0M20 20l-3.5-3.5')
export const PlusIcon = icon('M12 5v14M5 12h14')
export const CheckIcon = icon('M5 12l5 5 9-10')
