package org.yizhan.catalog;

/** The cached catalog cannot be used: its file is missing, empty, corrupt or holds no catalog. */
public final class DamagedCacheException extends Exception {
    private final String file;

    public DamagedCacheException(String file, String message) {
        super(message);
        this.file = file;
    }

    public DamagedCacheException(String file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The damaged file's name in the catalog directory (or the pointer's), for {@link CatalogDirectory#discard(String)}. */
    public String file() {
        return file;
    }
}
