/** A bold right arrow drawn as SVG: font arrows vary from screen to screen, and some fonts lack them. */
export function Arrow({ className }: { className: string }) {
  return (
    <svg className={className} viewBox="0 0 48 32" aria-hidden="true">
      <path d="M2 12h28V3l16 13-16 13v-9H2z" fill="currentColor" />
    </svg>
  );
}
