// The French texts of the first screen, made by the build from fr.json (vite.config.ts, first-screen-texts.ts).
declare module 'virtual:first-screen-texts' {
  const texts: { readonly [key: string]: unknown };
  export default texts;
}
