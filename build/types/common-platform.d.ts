// The one platform global common/ may use: the WHATWG URL class, which Node and the browser both provide with the
// same behaviour. Only tsconfig.common.json reads this file; main/ and renderer/ get URL from their own types.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
