import QRCode from 'qrcode';

/** The subscription link as a QR code PNG (scanned by a VPN app on another device). */
export function subscriptionQrPng(subscriptionUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(subscriptionUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

/** The same as a data URL, for the Mini App. */
export function subscriptionQrDataUrl(subscriptionUrl: string): Promise<string> {
  return QRCode.toDataURL(subscriptionUrl, { errorCorrectionLevel: 'M', margin: 2, width: 512 });
}
