package org.yizhan.sync;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes on exactly the announced number of bytes: reading past it (a gzip bomb) or ending before it
 * fails at once, inside the transaction that is writing the catalog, so nothing is kept.
 */
final class ExactLengthInputStream extends FilterInputStream {
    static final class WrongLength extends IOException {
        WrongLength(String message) {
            super(message);
        }
    }

    private final long expected;
    private long count;

    ExactLengthInputStream(InputStream in, long expected) {
        super(in);
        this.expected = expected;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int wanted = (int) Math.min(length, expected - count + 1);
        int n = super.read(buffer, offset, Math.max(wanted, 1));
        if (n < 0) {
            if (count != expected) {
                throw new WrongLength("the catalog decompresses to " + count + " bytes, not the "
                        + expected + " the signed index announces");
            }
            return -1;
        }
        count += n;
        if (count > expected) {
            throw new WrongLength("the catalog decompresses to more than the " + expected
                    + " bytes the signed index announces (a gzip bomb?)");
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        return Math.max(0, read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192)));
    }
}
