import { errorCatalog, t, waitKind, type GuideRequest, type Lang, type StringKey } from '@luot/shared';
import { englishNumber, vietnameseNumber } from './numbers.ts';
import { englishTicketWords, vietnameseTicketWords, type SpokenPart } from './sentence.ts';

/** What the server knows about the field or category a guidance request names (looked up by the route). */
export interface GuideFacts {
  field?: { name: string; opensAt: string | null; closesAt: string | null };
  category?: string;
}

/** A piece of a sentence: plain words, or a ticket number (read by its own rules in each language). */
type Piece = string | { number: string };

const noticeTitles: Record<string, StringKey> = {
  FIELD_CLOSED_HOURS: 'kioskClosedTitle',
  FIELD_NOT_ISSUING: 'kioskPausedTitle',
  DAILY_LIMIT_REACHED: 'kioskLimitTitle',
};

const fieldStates = { 'closed-hours': 'kioskClosedNow', paused: 'kioskPaused', limit: 'kioskLimitReached' } as const satisfies Record<string, StringKey>;

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

const numberWords = (lang: Lang, n: number) => (lang === 'vi' ? vietnameseNumber(String(n)) : englishNumber(String(n)));

/** Ends a screen string (shown without a full stop, or with an ellipsis) as a spoken sentence. */
function sentence(text: string): string {
  const trimmed = text.replace(/…$/u, '').trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "07:30" → "bảy giờ ba mươi" in Vietnamese; English keeps "7:30", which eSpeak NG reads as "seven thirty". */
function clock(lang: Lang, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  if (lang === 'en') return `${h}:${String(m).padStart(2, '0')}`;
  return m === 0 ? `${vietnameseNumber(String(h))} giờ` : `${vietnameseNumber(String(h))} giờ ${vietnameseNumber(String(m))}`;
}

function hours(lang: Lang, field: NonNullable<GuideFacts['field']>): string | null {
  if (field.opensAt === null && field.closesAt === null) return null;
  const span = `${clock(lang, field.opensAt ?? '00:00')} ${lang === 'vi' ? 'đến' : 'to'} ${clock(lang, field.closesAt ?? '24:00')}`;
  return fill(t(lang, 'guideHours'), { hours: lang === 'vi' ? `từ ${span}` : `from ${span}` });
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`guidance needs the ${what}`);
  return value;
}

/** The sentences of one guidance request, in order. */
function pieces(request: GuideRequest, lang: Lang, facts: GuideFacts): Piece[] {
  const say = (key: StringKey, values: Record<string, string> = {}) => sentence(fill(t(lang, key), values));
  const fieldName = () => need(facts.field, 'field').name;
  switch (request.say) {
    case 'home':
      return [say('kioskChooseField'), say('guideTouchTwice')];
    case 'subfields':
      return [sentence(fieldName()), say('kioskChooseSubfield'), say('guideTouchTwice')];
    case 'field': {
      const state =
        request.state === 'open'
          ? request.waiting > 0
            ? say('kioskWaiting', { count: numberWords(lang, request.waiting) })
            : say('kioskNobodyWaiting')
          : say(fieldStates[request.state]);
      return [sentence(fieldName()), state, say('guideChooseThis')];
    }
    case 'take':
      return [say('guideChosenField', { name: fieldName() }), say('kioskTakeNumberPrompt'), say('guidePriorityHint')];
    case 'categories':
      return [say('kioskChoosePriority'), say('guideTouchTwice'), say('kioskPriorityNote')];
    case 'category':
      return [sentence(need(facts.category, 'category')), say('guideCategoryChoose')];
    case 'issuing':
      return [say('kioskIssuing')];
    case 'phone':
      return [say('guidePhone')];
    case 'ticket': {
      const [before, after] = t(lang, 'guideYourNumber').split('{number}');
      // The same rule as the screen, the receipt and the phone (shared/src/wait-words.ts): a minute or less is “soon”.
      const kind = waitKind(request.wait ?? null);
      const wait = kind === 'unknown' ? say('guideWaitUnknown') : kind === 'soon' ? say('guideWaitSoon') : say('guideWait', { minutes: numberWords(lang, request.wait ?? 0) });
      return [
        (before ?? '').trim(),
        { number: request.number },
        sentence((after ?? '').trim()),
        say('guideField', { name: fieldName() }),
        request.ahead === 0 ? say('guideNobodyAhead') : say('guideAhead', { count: numberWords(lang, request.ahead) }),
        wait,
        say(request.printed ? 'kioskTakeReceipt' : 'guideRemember'),
        say('kioskWatchBoard'),
      ];
    }
    case 'notice': {
      const name = facts.field ? [sentence(facts.field.name)] : [];
      switch (request.kind) {
        case 'closed-hours': {
          const open = facts.field ? hours(lang, facts.field) : null;
          return [say('kioskClosedTitle'), ...name, ...(open ? [open] : []), sentence(errorCatalog.FIELD_CLOSED_HOURS[lang])];
        }
        case 'paused':
          return [say('kioskPausedTitle'), ...name, sentence(errorCatalog.FIELD_NOT_ISSUING[lang])];
        case 'limit':
          return [say('kioskLimitTitle'), ...name, sentence(errorCatalog.DAILY_LIMIT_REACHED[lang])];
        case 'unreachable':
          return [say('kioskErrorTitle'), say('kioskIssueUnreachable')];
        case 'refused': {
          const code = request.code ?? 'INTERNAL';
          const known = code in errorCatalog ? errorCatalog[code as keyof typeof errorCatalog] : errorCatalog.INTERNAL;
          return [say(noticeTitles[code] ?? 'kioskErrorTitle'), ...name, sentence(known[lang])];
        }
      }
    }
  }
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The words the kiosk's guidance speaks for one request: Vietnamese as plain text for eSpeak NG, English as
 * SSML (ticket letters must be spelled). Screen strings are reused where the screen shows them, so what is
 * heard is what is written; numbers are read as words, ticket numbers like the calls read them ("a hai
 * mươi ba"). Pure: names, hours and categories come in `facts`.
 */
export function guideSentence(request: GuideRequest, facts: GuideFacts): SpokenPart {
  const lang: Lang = request.lang ?? 'vi';
  const parts = pieces(request, lang, facts).filter((p) => typeof p !== 'string' || p !== '');
  // Pieces are joined by spaces, except before the full stop that follows a ticket number.
  const join = (words: string[]) => words.join(' ').replace(/\s+([.,!?])/g, '$1');
  if (lang === 'vi') {
    const shown = parts.map((p) => (typeof p === 'string' ? p : vietnameseTicketWords(p.number).phrases.join(' ')));
    const spoken = parts.map((p) => (typeof p === 'string' ? p : vietnameseTicketWords(p.number).spoken.join(' ')));
    return { lang, text: join(shown), tokens: [], synthesis: { input: join(spoken), ssml: false } };
  }
  const text = join(parts.map((p) => (typeof p === 'string' ? p : englishTicketWords(p.number).text)));
  const ssml = join(parts.map((p) => (typeof p === 'string' ? escapeXml(p) : englishTicketWords(p.number).ssml)));
  return { lang, text, tokens: [], synthesis: { input: `<speak>${ssml}</speak>`, ssml: true } };
}
