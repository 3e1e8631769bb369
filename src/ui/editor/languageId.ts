/** Monaco's id of the A64 assembly language (a64Language.ts registers it). */
export const LANGUAGE_ID = 'a64';
