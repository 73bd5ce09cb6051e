package org.yizhan.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that can be used, and what the technician should still hear about it (a BOM, a
 * duplicate key, a key from a newer version). Log the warnings; a technician screen may list them.
 */
public record LoadedConfig(KioskConfig config, List<String> warnings) {

    public LoadedConfig {
        Objects.requireNonNull(config, "config");
        warnings = List.copyOf(warnings);
    }
}
