package org.yizhan.model;

/** The unit of a time limit. */
public enum TimeUnit {
    /** 工作日 */
    WORKING_DAYS,
    /** 自然日 */
    NATURAL_DAYS,
    /** 小时 */
    HOURS;
}
