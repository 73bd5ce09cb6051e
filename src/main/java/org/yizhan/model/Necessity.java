package org.yizhan.model;

/** 必要性 of a material. */
public enum Necessity {
    /** 必要 */
    REQUIRED,
    /** 非必要 */
    OPTIONAL,
    /** 容缺: may be handed in later. */
    DEFERRABLE;
}
