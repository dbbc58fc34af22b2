// A phone number that stays in reading order and readable, even inside right-to-left text.

export function PhoneNumber({ number }: { number: string }) {
  return (
    <bdi dir="ltr" className="phone-number">
      {number}
    </bdi>
  );
}
