import type { Access } from 'payload'

/** Grants the operation to every caller, signed in or not. */
export const anyone: Access = () => true
