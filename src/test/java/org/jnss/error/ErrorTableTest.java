package org.jnss.error;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ErrorTableTest {
    @Test
    void catalogueIsPythonNss101s() throws IOException {
        assertEquals(388, ErrorTable.all().size());
        Path ref = Path.of(System.getProperty("user.dir")).resolve("../shared/reference/python-nss-1.0.1-errors.tsv");
        if (Files.exists(ref)) {
            List<String> lines = Files.readAllLines(ref);
            assertEquals(389, lines.size());
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t", 3);
                ErrorTable.Entry e = ErrorTable.lookup(Integer.parseInt(f[0]));
                assertEquals(f[1], e.name());
                assertEquals(f[2], e.description());
            }
        }
    }

    @Test
    void constantsMatchTheCatalogue() throws ReflectiveOperationException {
        for (ErrorTable.Entry e : ErrorTable.all())
            assertEquals(e.code(), ErrorConstants.class.getField(e.name()).getInt(null), e.name());
    }

    @Test
    void describe() {
        assertEquals("(SEC_ERROR_IO) An I/O error occurred during security authorization.", ErrorTable.describe(-8192));
        assertEquals("(SUCCESS) Success", ErrorTable.describe(0));
        assertEquals("error (12345) unknown", ErrorTable.describe(12345));
        assertEquals("Success", ErrorTable.description(0));
        assertNull(ErrorTable.description(12345));
        assertEquals("SEC_ERROR_BUSY", ErrorTable.lookup(ErrorConstants.SEC_ERROR_BUSY).name());
        assertEquals(ErrorConstants.PR_END_OF_FILE_ERROR, ErrorTable.lookup("PR_END_OF_FILE_ERROR").code());
    }

    @Test
    void nsprErrorMessages() {
        NSPRError e = new NSPRError("unable to do it", ErrorConstants.SEC_ERROR_IO);
        assertEquals("unable to do it: (SEC_ERROR_IO) An I/O error occurred during security authorization.", e.getMessage());
        assertEquals("SEC_ERROR_IO", e.getErrorName());
        NSPRError bare = new NSPRError(ErrorConstants.SEC_ERROR_BUSY);
        assertEquals("(SEC_ERROR_BUSY) NSS could not shutdown. Objects are still in use.", bare.getMessage());
        assertNull(bare.getErrorMessage());
        assertNull(new NSPRError(777).getErrorName());
        CertVerifyError v = new CertVerifyError("bad", ErrorConstants.SEC_ERROR_IO, 0x82, null);
        assertEquals(0x82, v.getUsages());
        assertEquals("bad: (SEC_ERROR_IO) An I/O error occurred during security authorization. usages=0x82", v.getMessage());
    }

    @Test
    void getNsprErrorString() {
        assertEquals("NSS is not initialized.", Errors.getNsprErrorString(ErrorConstants.SEC_ERROR_NOT_INITIALIZED));
        assertNull(Errors.getNsprErrorString(1));
    }
}
