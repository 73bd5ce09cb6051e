package org.yizhan.storage;

import java.util.List;
import java.util.Objects;

/**
 * A store's tables, as the migrations that build them: {@code migrations.get(i)} takes a file's
 * {@code PRAGMA user_version} from i to i + 1. Only ever append: files in the field were built by the
 * released blocks, so those never change.
 *
 * @param name what the file is, for messages ("catalog cache")
 */
public record Schema(String name, List<String> migrations) {
    public Schema {
        Objects.requireNonNull(name, "name");
        migrations = List.copyOf(migrations);
    }

    /** The {@code user_version} of a file that has every migration. */
    public int version() {
        return migrations.size();
    }
}
