import { Type, type Static, type TSchema } from 'typebox';

/**
 * A ticket number as shown on receipts: a field's prefix (letters, Đ, or digits) followed by the
 * zero-padded sequence, e.g. "A023", "Đ007", "1023". Upper case only: the server reads exactly what
 * the board shows.
 */
export const TicketNumberText = Type.String({ pattern: '^[A-Z0-9Đ]{1,8}$', minLength: 1, maxLength: 8 });

/** GET /api/voice/call: the audio a hall board plays when a number is called or recalled. */
export const VoiceCallQuery = Type.Object(
  {
    number: TicketNumberText,
    counter: Type.Integer({ minimum: 1, maximum: 999, description: 'counter number as shown on the counter ("Quầy số 3")' }),
    english: Type.Optional(Type.Boolean({ description: 'add the English sentence; omitted: the server’s setting' })),
  },
  { additionalProperties: false },
);
export type VoiceCallQuery = Static<typeof VoiceCallQuery>;

/** Where the speech came from: recorded clips of a voice pack, or the built-in eSpeak NG synthesizer. */
export const VoiceSource = Type.Union([Type.Literal('pack'), Type.Literal('espeak')]);
export type VoiceSource = Static<typeof VoiceSource>;

/**
 * GET /api/voice/guide/<say>: the kiosk's spoken guidance, made on the server with the calls' voice. The kiosk
 * says *what* to read (a screen, a field, the number it was given), never the words themselves: the server
 * builds every sentence from its own strings and data, so a kiosk cannot make it say anything else.
 */
const GuideLang = Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'language of the guidance; default vi' }));
const GuideField = Type.Integer({ minimum: 1, description: 'field id' });
const guideQuery = <P extends Record<string, TSchema>>(properties: P) => Type.Object({ lang: GuideLang, ...properties }, { additionalProperties: false });

export const GuideFieldState = Type.Union([Type.Literal('open'), Type.Literal('closed-hours'), Type.Literal('paused'), Type.Literal('limit')]);
export type GuideFieldState = Static<typeof GuideFieldState>;
export const GuideNoticeKind = Type.Union([Type.Literal('closed-hours'), Type.Literal('paused'), Type.Literal('limit'), Type.Literal('unreachable'), Type.Literal('refused')]);
export type GuideNoticeKind = Static<typeof GuideNoticeKind>;

export const guideQueries = {
  /** The home screen's prompt, and how touching works while guidance is on. */
  home: guideQuery({}),
  /** A group's sub-fields screen. */
  subfields: guideQuery({ field: GuideField }),
  /** A field tile touched once: its name and state; touching it again chooses it. */
  field: guideQuery({ field: GuideField, state: GuideFieldState, waiting: Type.Integer({ minimum: 0, maximum: 99_999 }) }),
  /** The "Lấy số" step after a field was chosen. */
  take: guideQuery({ field: GuideField }),
  /** The list of priority categories. */
  categories: guideQuery({}),
  /** A priority category touched once. */
  category: guideQuery({ code: Type.String({ pattern: '^[a-z_]{2,32}$' }) }),
  issuing: guideQuery({}),
  /** The optional phone number for "your turn is near" by SMS (skippable). */
  phone: guideQuery({}),
  /** The number just taken, exactly as the ticket screen shows it. */
  ticket: guideQuery({
    number: TicketNumberText,
    field: GuideField,
    ahead: Type.Integer({ minimum: 0, maximum: 99_999 }),
    wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_440, description: 'estimated minutes; omitted when there is no estimate' })),
    printed: Type.Boolean({ description: 'the receipt came out of the printer' }),
  }),
  /** Why there is no number: a field out of hours, paused or used up, the server unreachable, or a refusal. */
  notice: guideQuery({
    kind: GuideNoticeKind,
    field: Type.Optional(GuideField),
    code: Type.Optional(Type.String({ pattern: '^[A-Z_]{2,40}$', description: 'the refusal’s error code' })),
  }),
} as const;

export type GuideSay = keyof typeof guideQueries;
export const guideSays = Object.keys(guideQueries) as GuideSay[];
/** One thing for the kiosk to read aloud: `{ say: 'field', field: 3, state: 'open', waiting: 2 }`. */
export type GuideRequest = { [K in GuideSay]: { say: K } & Static<(typeof guideQueries)[K]> }[GuideSay];
