package org.yizhan.model;

import java.util.Objects;

/**
 * 服务主题: a browse category. {@code code} is the national theme code, which repeats between the
 * 个人 and 法人 lists, so {@code id} (e.g. {@code person-010}) is what services refer to.
 */
public record Theme(String id, String code, Audience audience, String name) {
    public Theme {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(name, "name");
        code = code == null ? "" : code;
    }
}
