// The browser's BarcodeDetector (Chromium on Android/macOS/ChromeOS...), feature-detected: not in lib.dom yet.

interface DetectedBarcode {
  rawValue: string
  format: string
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>
}
interface BarcodeDetectorClass {
  new (options?: { formats?: string[] }): BarcodeDetectorLike
  getSupportedFormats?: () => Promise<string[]>
}

function detectorClass(): BarcodeDetectorClass | null {
  const c = (window as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector
  return typeof c === 'function' ? c : null
}

/** True when QR codes can be read from the camera here (BarcodeDetector with qr_code, and a camera API). */
export async function qrScanSupported(): Promise<boolean> {
  const C = detectorClass()
  if (!C || !navigator.mediaDevices?.getUserMedia) return false
  try {
    return C.getSupportedFormats ? (await C.getSupportedFormats()).includes('qr_code') : true
  } catch {
    return false
  }
}

/** A QR detector, or null where there is none. */
export function qrDetector(): BarcodeDetectorLike | null {
  const C = detectorClass()
  return C ? new C({ formats: ['qr_code'] }) : null
}
