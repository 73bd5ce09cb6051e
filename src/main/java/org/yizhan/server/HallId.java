package org.yizhan.server;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of a hall added to a county's server: its folder under {@code DATA/halls/}, its {@code /halls/<id>/} path
 * prefix and its kiosks' {@code hall.id}. Lowercase letters, digits and '-', at most 32, starting with a letter or a
 * digit: never a path of its own ("..", "/", "\"); never "default", the top-level hall's.
 */
public final class HallId {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private HallId() {
    }

    public static boolean valid(String id) {
        return id != null && ID.matcher(id).matches() && !id.equals(HallServer.DEFAULT_HALL);
    }

    /** Why {@code id} cannot be a hall's id, in one line; empty when it can. */
    public static Optional<String> problem(String id) {
        if (valid(id)) {
            return Optional.empty();
        }
        if (HallServer.DEFAULT_HALL.equals(id)) {
            // On PostgreSQL the top-level hall's stores are in hall_default.
            return Optional.of("\"" + id + "\" is the name of a server's top-level hall; give the hall another id");
        }
        return Optional.of("a hall id is 1 to 32 of a-z 0-9 and '-', starting with a letter or digit, e.g. "
                + "\"shitang-zhen\"");
    }
}
