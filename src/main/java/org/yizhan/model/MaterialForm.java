package org.yizhan.model;

/** 材料形式. */
public enum MaterialForm {
    PAPER,
    ELECTRONIC,
    PAPER_OR_ELECTRONIC;
}
