// How long typing must pause before the search runs: one request per pause, not per keystroke.
export const searchDebounceMs = 250;
