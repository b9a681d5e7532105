/**
 * The admin's notice, scrolling along the bottom of the hall board. The text is laid out twice and the track
 * moves by one copy, so it loops without a blank gap and is readable from the first frame. The duration grows
 * with the text, so a long notice moves as slowly as a short one.
 */
export function NoticeTicker({ text }: { text: string }) {
  if (text.trim() === '') return null;
  const seconds = Math.max(16, text.length * 0.3);
  return (
    <div className="ticker" role="marquee" aria-label={text} data-testid="hall-notice">
      <div className="ticker__track" style={{ animationDuration: `${seconds}s` }}>
        <span className="ticker__copy">{text}</span>
        <span className="ticker__copy" aria-hidden="true">
          {text}
        </span>
      </div>
    </div>
  );
}
