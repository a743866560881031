package org.huimin.identity.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Renders a health code as a QR PNG data URL (ZXing), black on white with a quiet zone. */
final class QrCodes {

    private static final int MODULE_PIXELS = 6;

    private QrCodes() {
    }

    static String pngDataUrl(String text) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code", e);
        }
        int w = matrix.getWidth() * MODULE_PIXELS;
        int h = matrix.getHeight() * MODULE_PIXELS;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        var raster = image.getRaster();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            if (y % MODULE_PIXELS == 0) {
                for (int x = 0; x < w; x++) {
                    row[x] = matrix.get(x / MODULE_PIXELS, y / MODULE_PIXELS) ? 0 : 1; // 1 is white
                }
            }
            raster.setSamples(0, y, w, 1, 0, row);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
