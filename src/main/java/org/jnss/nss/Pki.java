package org.jnss.nss;

import org.jnss.core.ArgumentError;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Module functions of nss.nss for certificates, bound in {@link Nss}. */
final class Pki {
    private Pki() {}

    static SecItem readDerFromFile(Object file, boolean ascii) {
        byte[] data;
        if (file instanceof String path) {
            try (InputStream in = new FileInputStream(path)) {
                data = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            data = FileLike.read(file);
            if (data == null)
                throw new ArgumentError("Bad file, must be pathname or file like object with read() method");
        }
        if (ascii) data = Codec.base64ToBinary(data);
        return new SecItem(data);
    }
}
