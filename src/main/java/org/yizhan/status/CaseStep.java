package org.yizhan.status;

/**
 * One step of a case (受理, 审查, 决定, 办结, 送达/领取, or the service's own 环节). {@code at} is ISO-8601 with
 * offset; {@code note} may be null; {@code current} marks the step the case is at now.
 */
public record CaseStep(String name, String at, String office, String note, boolean current) {
}
