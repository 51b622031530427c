package org.lantir.dicom.data;

import java.io.ByteArrayOutputStream;

/** Byte fixtures written as hex, the way the standard's examples print them. */
final class Bytes {

    private Bytes() {
    }

    /** Bytes from hex pairs; spaces and line breaks between pairs are ignored. */
    static byte[] hex(String pairs) {
        String digits = pairs.replaceAll("\\s+", "");
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("Odd number of hex digits");
        }
        byte[] bytes = new byte[digits.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }

    /** The concatenation of byte arrays. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
