package org.jnss.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The Java text rule: UTF-8 with undecodable bytes kept as U+DC80 + byte, and back. */
class JavaTextTest {

    @Test
    void validUtf8IsPlainText() {
        assertEquals("Grüße, 日本 \uD83D\uDE00", JavaText.of("Grüße, 日本 \uD83D\uDE00".getBytes(StandardCharsets.UTF_8)));
        assertEquals("plain ASCII", JavaText.of("plain ASCII".getBytes(StandardCharsets.US_ASCII)));
        assertNull(JavaText.of(null));
        assertNull(JavaText.encode(null));
    }

    @Test
    void invalidBytesBecomeLoneSurrogates() {
        // Latin-1 "é", a lone continuation byte, an overlong '/', a truncated 3-byte sequence, an encoded surrogate
        byte[] bytes = {'a', (byte) 0xe9, 'b', (byte) 0x80, (byte) 0xc0, (byte) 0xaf, (byte) 0xe6, (byte) 0x97,
                (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String text = JavaText.of(bytes);
        assertEquals("a\udce9b\udc80\udcc0\udcaf\udce6\udc97\udced\udca0\udc80", text);
        assertArrayEquals(bytes, JavaText.encode(text));
    }

    @Test
    void everyByteStringRoundTrips() {
        Random r = new Random(7);
        for (int n = 0; n < 20000; n++) {
            byte[] b = new byte[r.nextInt(12)];
            r.nextBytes(b);
            if (n % 3 == 0) for (int i = 0; i < b.length; i++) b[i] &= 0x7f;     // some ASCII
            assertArrayEquals(b, JavaText.encode(JavaText.of(b)), () -> java.util.Arrays.toString(b));
        }
    }
}
