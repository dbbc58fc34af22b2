// The loudspeaker drawn on every "listen" button (the app's and the home page built ahead of it).
export function SpeakerIcon() {
  return (
    <svg className="action-icon" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M8 24h12l16-14v44L20 40H8z" fill="currentColor" />
      <path d="M44 22a14 14 0 0 1 0 20M50 14a24 24 0 0 1 0 36" fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" />
    </svg>
  );
}
