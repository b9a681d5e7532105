import { Type, type Static } from 'typebox';

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
