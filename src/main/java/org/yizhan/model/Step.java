package org.yizhan.model;

import java.util.Objects;

/**
 * 办理环节: one step of the procedure, in order.
 *
 * @param timeLimit may be null where the source does not give one
 */
public record Step(String name, String actor, String description, TimeLimit timeLimit) {
    public Step {
        Objects.requireNonNull(name, "name");
        actor = actor == null ? "" : actor;
        description = description == null ? "" : description;
    }
}
