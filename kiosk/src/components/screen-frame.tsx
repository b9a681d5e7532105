import type { Lang } from '@luot/shared';
import type { ReactNode } from 'react';
import { Clock } from './clock.tsx';

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
 * Every kiosk screen: what to do (top left), the clock (top right), the content, the way back.
 * The screen ignores touches for a moment after it appears (see .screen in styles), so the second
 * half of a double tap cannot land on a button of the next screen.
 */
export function ScreenFrame({ lang, name, prompt, footer, children }: ScreenFrameProps) {
  return (
    <section className={`screen screen--${name}`} data-testid={`${name}-screen`}>
      <div className="screen__top">
        {prompt ? <h2 className="screen__prompt">{prompt}</h2> : <span />}
        <Clock lang={lang} />
      </div>
      <div className="screen__body">{children}</div>
      {footer && <div className="screen__footer">{footer}</div>}
    </section>
  );
}
