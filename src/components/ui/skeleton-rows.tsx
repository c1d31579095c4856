/** Grey blocks where rows of text will be: a heading and two lines each. */
export function SkeletonRows({ count }: { count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <div key={i} className="border-t border-line py-5">
      <div className="h-6 w-4/5 rounded bg-sunken" />
      <div className="mt-3 h-4 w-full rounded bg-sunken" />
      <div className="mt-2 h-4 w-2/3 rounded bg-sunken" />
    </div>
  ))
}
