/** The key that triggers a button, printed on the button itself so nobody has to learn it elsewhere. */
export function Keycap({ label }: { label: string }) {
  return (
    <kbd className="keycap" aria-hidden="true">
      {label}
    </kbd>
  );
}
