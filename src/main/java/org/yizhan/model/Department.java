package org.yizhan.model;

import java.util.Objects;

/** 实施主体: the department that handles a service. */
public record Department(String id, String name) {
    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
