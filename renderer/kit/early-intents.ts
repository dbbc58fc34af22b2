// What the home page built at build time lets a visitor do before the app runs, and the names both sides use:
// links to `#…` (a screen, or a button to press), native dialogs and radios the app reads when it takes over.

export const earlyIntents = {
  comfortDialog: 'static-comfort',
  endDialog: 'static-end',
  languageField: 'language',
  textSizeField: 'text-size',
  contrastField: 'contrast',
  motionField: 'motion',
  /** `#read-aloud`: "Écouter la page" was tapped. */
  readAloud: 'read-aloud',
  /** `#mediator`: "Espace médiateur" was tapped. */
  mediator: 'mediator',
} as const;
