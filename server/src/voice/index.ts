export { createVoice, type CallAudio, type Voice, type VoiceDeps } from './voice.ts';
export { callSentence, englishCall, vietnameseCall, type CallSentence, type SpokenPart } from './sentence.ts';
export { vietnameseLetterNames } from './letter-names.ts';
