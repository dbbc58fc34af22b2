// The error a protected call answers to a missing, unknown or expired session: apart from the contract so that the
// renderer's staff wrapper reads it without bundling every call's schema.
export const authErrors = { admin: 'admin.unauthorised', mediator: 'mediator.locked' } as const;
