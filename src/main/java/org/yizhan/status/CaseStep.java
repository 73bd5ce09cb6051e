package org.yizhan.status;

/** PLACEHOLDER until the server half lands. */
public record CaseStep(String name, String at, String office, String note, boolean current) {
}
