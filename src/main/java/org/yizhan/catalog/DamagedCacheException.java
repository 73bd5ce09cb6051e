package org.yizhan.catalog;

/** The cached catalog cannot be used: its file is missing, empty, corrupt or holds no catalog. */
public final class DamagedCacheException extends Exception {
    public DamagedCacheException(String message) {
        super(message);
    }

    public DamagedCacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
