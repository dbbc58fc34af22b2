// SQL migration files are bundled as text (esbuild's text loader, and a Vite plugin in tests).
declare module '*.sql' {
  const text: string;
  export default text;
}
