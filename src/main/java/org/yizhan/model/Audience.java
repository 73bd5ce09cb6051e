package org.yizhan.model;

/** 服务对象: who a service or theme is for. */
public enum Audience {
    /** 个人 — a natural person (自然人). */
    PERSON,
    /** 法人 — a company or organisation. */
    LEGAL;
}
