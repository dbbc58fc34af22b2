// A phone number that stays in reading order and readable, even inside right-to-left text.

export function PhoneNumber({ number }: { number: string }) {
  return (
    <bdi dir="ltr" className="phone-number">
      {number}
    </bdi>
  );
}

/** The Assurance Maladie's phone line for insured people: on the help screen and on every hand-off page. */
export const assuranceMaladiePhone = '3646';
