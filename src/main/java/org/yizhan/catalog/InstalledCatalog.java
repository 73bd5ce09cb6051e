package org.yizhan.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * What the sync needs to know of the catalog a kiosk holds, without reading it whole.
 *
 * @param version   its version
 * @param sample    true for demonstration data (the bundled demo), which any trusted publisher may replace
 * @param publisher the key id of the publisher that signed it; empty if it was installed unsigned or
 *                  before this was recorded
 */
public record InstalledCatalog(long version, boolean sample, Optional<String> publisher) {
    public InstalledCatalog {
        Objects.requireNonNull(publisher, "publisher");
    }
}
