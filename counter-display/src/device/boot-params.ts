/** What the address asks a demo screen to be: `?board=hall` or `?counter=3` (the counter's number). */
export type DemoRequest = { kind: 'hall_board' } | { kind: 'counter_display'; counter: number };

export function demoRequestOf(search: string): DemoRequest | null {
  const params = new URLSearchParams(search);
  if (params.get('board') === 'hall') return { kind: 'hall_board' };
  const counter = Number(params.get('counter'));
  if (Number.isInteger(counter) && counter >= 1 && counter <= 999) return { kind: 'counter_display', counter };
  return null;
}

/**
 * Where this screen keeps its device token. The demo addresses get a key each, so one browser can show
 * `?counter=3` in one tab and the hall board in another; a paired screen in a real center uses the plain key.
 */
export function tokenKeyOf(demo: DemoRequest | null): string {
  if (demo === null) return 'luot.display.token';
  return demo.kind === 'hall_board' ? 'luot.display.token:hall' : `luot.display.token:counter-${demo.counter}`;
}
