import type { Lang } from '@luot/shared';
import { Clock } from '@luot/shared/ui';
import type { ReactNode } from 'react';
import { AssistBar } from '../assist/assist-bar.tsx';

interface ScreenFrameProps {
  lang: Lang;
  /** Used for the test id `<name>-screen` and the CSS modifier. */
  name: string;
  /** One short sentence saying what to do on this screen. */
  prompt?: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/**
 * Every kiosk screen: what to do, the citizen's helpers (listen, large text) and the clock; the content; the
 * way back. The parts are placed by name in a grid (styles.css): in landscape the helpers sit between the
 * prompt and the clock, in portrait (and with large text) on the bottom row, always in the same place.
 * The screen ignores touches for a moment after it appears (see .screen in styles), so the second
 * half of a double tap cannot land on a button of the next screen.
 */
export function ScreenFrame({ lang, name, prompt, footer, children }: ScreenFrameProps) {
  return (
    <section className={`screen screen--${name}`} data-testid={`${name}-screen`}>
      {prompt ? <h2 className="screen__prompt">{prompt}</h2> : <span className="screen__prompt" />}
      <AssistBar lang={lang} />
      <Clock lang={lang} />
      <div className="screen__body">{children}</div>
      {footer && <div className="screen__footer">{footer}</div>}
    </section>
  );
}
