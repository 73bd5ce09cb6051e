package org.yizhan.model;

import java.util.Objects;

/** 办理情形: one case of a service (首次申领, 补领, 换领 …). */
public record Variant(String name, String description) {
    public Variant {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
