import { t, type Lang } from '@luot/shared';
import type { ApiFailure } from '../api/http.ts';

/** The sentence an officer reads for a failed request: the server's own words, or why nothing was sent. */
export function describeFailure(lang: Lang, failure: ApiFailure): string {
  return failure.kind === 'network' ? t(lang, 'consoleNetworkError') : failure.error.message[lang];
}

interface ProblemProps {
  lang: Lang;
  failure: ApiFailure | null;
  testId?: string;
}

/** A refused or failed request, next to what caused it, with the server's field-by-field details if any. */
export function Problem({ lang, failure, testId = 'problem' }: ProblemProps) {
  if (failure === null) return null;
  const details = failure.kind === 'network' ? [] : (failure.error.details ?? []);
  return (
    <div className="problem" role="alert" data-testid={testId} data-code={failure.kind === 'network' ? 'NETWORK' : failure.error.code}>
      <p className="problem__text">{describeFailure(lang, failure)}</p>
      {details.length > 0 && (
        <ul className="problem__details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
