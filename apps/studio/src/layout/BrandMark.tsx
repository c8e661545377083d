/** The Baton logo: a baton passed on, drawn as one stroke. */
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg className="brand-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--accent)" />
      <path d="M9 23 23 9" stroke="white" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
