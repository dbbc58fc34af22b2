// Every permission a page can ask for is refused: a public kiosk needs none of them.

export function shouldGrantPermission(_permission: string, _requestingUrl: string): false {
  return false;
}

/** Device choosers (USB, serial, HID, Bluetooth) are never shown. */
export function shouldGrantDevice(_deviceType: string): false {
  return false;
}
