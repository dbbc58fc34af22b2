// How speech says a phone number: in pairs of digits, as French numbers are said, not as one large number.

/** A phone number in groups of two digits ("36 46", "01 23 45 67 89"), so a voice does not say "three thousand…". */
export function phoneGroups(number: string): string {
  const digits = number.replace(/[^\d+]/g, '');
  if (digits.replace('+', '').length < 4) return digits;
  const [, plus = '', rest = ''] = /^(\+\d{2})?(.*)$/.exec(digits) ?? [];
  const odd = rest.length % 2 === 1 ? rest.slice(0, 1) : '';
  const pairs = rest.slice(odd.length).match(/\d{2}/g) ?? [];
  return [plus, odd, ...pairs].filter(Boolean).join(' ');
}
